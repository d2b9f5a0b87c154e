import "server-only";
import type { Page } from "@/lib/api/contract";
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

/** One page of a GitHub list, mapped to wire rows, with its position from the `Link` header. */
export async function fetchPage<Row, Item>(client: GitHubClient, request: PageRequest, toItem: (row: Row) => Item): Promise<Page<Item>> {
  let response;
  try {
    // Octokit's own body parser (json-with-bigint: a regex pass and a reviver per value) cost
    // about a quarter of the server's CPU on 100-row lists; every id here fits a JS number.
    response = await client.request(`GET ${request.path}`, { request: { parseSuccessResponseBody: false } });
  } catch (error) {
    throw toGitHubError(error, { ...request.context, timeoutMs: client.timeoutMs }) ?? error;
  }
  const rows = JSON.parse(await new Response(response.data as ReadableStream<Uint8Array> | null).text()) as Row[];
  const position = parseLinkHeader(response.headers.link, request);
  // Past the end GitHub answers an empty page without rel="last": the end is then unknown, not here.
  const pastTheEnd = rows.length === 0 && request.page > 1 && !position.hasNextPage && position.lastPage === request.page;
  return { items: rows.map(toItem), ...position, lastPage: pastTheEnd ? null : position.lastPage };
}
