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

/**
 * One page of a GitHub list, mapped to contract rows, with its position from the `Link` header.
 * A page read before is asked for with its ETag: when GitHub answers 304 (which costs no rate
 * limit) the page is unchanged and the rows already mapped are answered (the same object:
 * callers must not change it).
 */
export async function fetchPage<Row, Item>(client: GitHubClient, request: PageRequest, toItem: (row: Row) => Item): Promise<Page<Item>> {
  const cached = client.listPages.get(request.path);
  let response;
  try {
    response = await client.request(`GET ${request.path}`, { headers: cached ? { "if-none-match": cached.etag } : {} });
  } catch (error) {
    if (cached && isNotModified(error)) return cached.page as Page<Item>;
    throw toGitHubError(error, { ...request.context, timeoutMs: client.timeoutMs }) ?? error;
  }
  const rows = response.data as Row[];
  const position = parseLinkHeader(response.headers.link, request);
  // Past the end GitHub answers an empty page without rel="last": the end is then unknown, not here.
  const pastTheEnd = rows.length === 0 && request.page > 1 && !position.hasNextPage && position.lastPage === request.page;
  const page: Page<Item> = { items: rows.map(toItem), ...position, lastPage: pastTheEnd ? null : position.lastPage };
  const etag = response.headers.etag;
  if (etag) client.listPages.set(request.path, { etag, page });
  else client.listPages.delete(request.path);
  return page;
}

/** Octokit turns GitHub's 304 into a RequestError with that status. */
function isNotModified(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { status?: unknown }).status === 304;
}
