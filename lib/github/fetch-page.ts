import "server-only";
import type { Page } from "@/lib/contract/pat-rows";
import type { GitHubClient } from "./create-github-client";
import { toGitHubError, type GitHubCallContext } from "./github-error";
import { parseLinkHeader } from "./parse-link-header";

export interface PageRequest {
  /** Path with its query string already built (see build-list-query). */
  path: string;
  page: number;
  perPage: number;
  context: GitHubCallContext;
}

/** GitHub's answer to a conditional page read: unchanged (a 304, which costs no rate limit), or the page. */
export type ConditionalPage<Row> =
  | { notModified: true }
  | { notModified: false; rows: Row[]; etag: string | null; hasNextPage: boolean; lastPage: number | null };

/**
 * One page of a GitHub list as GitHub sent it, asked for with `etag` when given (If-None-Match),
 * with its position from the `Link` header. Failures are GitHubErrors.
 */
export async function fetchConditionalPage<Row>(client: GitHubClient, request: PageRequest, etag?: string): Promise<ConditionalPage<Row>> {
  let response;
  try {
    response = await client.request(`GET ${request.path}`, { headers: etag ? { "if-none-match": etag } : {} });
  } catch (error) {
    if (etag && (error as { status?: unknown } | null)?.status === 304) return { notModified: true };
    throw toGitHubError(error, { ...request.context, timeoutMs: client.timeoutMs }) ?? error;
  }
  const rows = response.data as Row[];
  const position = parseLinkHeader(response.headers.link, request);
  // Past the end GitHub answers an empty page without rel="last": the end is then unknown, not here.
  const pastTheEnd = rows.length === 0 && request.page > 1 && !position.hasNextPage && position.lastPage === request.page;
  return { notModified: false, rows, etag: response.headers.etag ?? null, hasNextPage: position.hasNextPage, lastPage: pastTheEnd ? null : position.lastPage };
}

/**
 * One page of a GitHub list, mapped to contract rows. A page read before is asked for with its
 * ETag: when GitHub answers 304 the page is unchanged and the rows already mapped are answered
 * (the same object: callers must not change it).
 */
export async function fetchPage<Row, Item>(client: GitHubClient, request: PageRequest, toItem: (row: Row) => Item): Promise<Page<Item>> {
  const cached = client.listPages.get(request.path);
  const answer = await fetchConditionalPage<Row>(client, request, cached?.etag);
  if (answer.notModified) return cached!.page as Page<Item>;
  const page: Page<Item> = { items: answer.rows.map(toItem), page: request.page, perPage: request.perPage, hasNextPage: answer.hasNextPage, lastPage: answer.lastPage };
  if (answer.etag) client.listPages.set(request.path, { etag: answer.etag, page });
  else client.listPages.delete(request.path);
  return page;
}
