import "server-only";

export interface PageQuery {
  /** 1-based; default 1. */
  page?: number;
  /** 1–100; default 30. */
  perPage?: number;
}

/** The filters GitHub's two PAT list endpoints share. */
export interface PatListQuery extends PageQuery {
  /** Up to 10 logins. */
  owner?: string[];
  repository?: string;
  /** e.g. `issues_write`. */
  permission?: string;
  /** ISO 8601. */
  lastUsedBefore?: string;
  lastUsedAfter?: string;
  /** Up to 50 token ids. */
  tokenId?: number[];
  direction?: "asc" | "desc";
}

export const DEFAULT_PER_PAGE = 30;

type QueryValue = string | number | readonly (string | number)[] | undefined;

/**
 * The query string for a PAT list call. Arrays go out as `owner[]=a&owner[]=b`, the form GitHub
 * reads; octokit's serializer would send `owner=a%2Cb` (octokit/endpoint.js#533).
 */
export function buildListQuery(query: PatListQuery): string {
  return toQueryString([
    ["per_page", query.perPage ?? DEFAULT_PER_PAGE],
    ["page", query.page ?? 1],
    ["direction", query.direction],
    ["owner", query.owner],
    ["repository", query.repository],
    ["permission", query.permission],
    ["last_used_before", query.lastUsedBefore],
    ["last_used_after", query.lastUsedAfter],
    ["token_id", query.tokenId],
  ]);
}

export function buildPageQuery(query: PageQuery): string {
  return toQueryString([
    ["per_page", query.perPage ?? DEFAULT_PER_PAGE],
    ["page", query.page ?? 1],
  ]);
}

function toQueryString(entries: [string, QueryValue][]): string {
  const parts: string[] = [];
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) parts.push(`${key}[]=${encodeURIComponent(item)}`);
    } else {
      parts.push(`${key}=${encodeURIComponent(value as string | number)}`);
    }
  }
  return parts.join("&");
}
