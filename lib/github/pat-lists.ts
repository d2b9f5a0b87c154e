import "server-only";
import type { Page, PatResource, PatRows } from "@/lib/contract/pat-rows";
import { REQUESTS_READ, TOKENS_READ } from "./app-permissions";
import { buildListQuery, DEFAULT_PER_PAGE, type PatListQuery } from "./build-list-query";
import type { GitHubClient } from "./create-github-client";
import { fetchConditionalPage, fetchPage, type ConditionalPage, type PageRequest } from "./fetch-page";
import { toPatRequestRow, toPatTokenRow, type GitHubPatGrant, type GitHubPatRequest } from "./map-github-rows";
import { github } from "./shared-client";

// GitHub's two PAT lists: an org's pending requests (`GET /orgs/{org}/personal-access-token-requests`)
// and its active token grants (`GET /orgs/{org}/personal-access-tokens`), which take the same filters.

const LISTS = {
  requests: { segment: "personal-access-token-requests", permission: REQUESTS_READ, toRow: (row: unknown) => toPatRequestRow(row as GitHubPatRequest) },
  tokens: { segment: "personal-access-tokens", permission: TOKENS_READ, toRow: (row: unknown) => toPatTokenRow(row as GitHubPatGrant) },
};

function pageRequest(org: string, kind: PatResource, query: PatListQuery): PageRequest {
  const list = LISTS[kind];
  return {
    path: `/orgs/${encodeURIComponent(org)}/${list.segment}?${buildListQuery(query)}`,
    page: query.page ?? 1,
    perPage: query.perPage ?? DEFAULT_PER_PAGE,
    context: { org, permission: list.permission },
  };
}

/** One page of a PAT list as contract rows, revalidated with its ETag when read before. */
export function listPatPage<R extends PatResource>(org: string, kind: R, query: PatListQuery = {}, client = github()): Promise<Page<PatRows[R]>> {
  return fetchPage(client, pageRequest(org, kind, query), (row) => LISTS[kind].toRow(row) as PatRows[R]);
}

/** One page of a PAT list asked for with `etag` (a 304 when unchanged), as contract rows. */
export async function fetchPatPageConditionally<R extends PatResource>(
  org: string,
  kind: R,
  query: PatListQuery,
  etag: string | undefined,
  client: GitHubClient = github(),
): Promise<ConditionalPage<PatRows[R]>> {
  const answer = await fetchConditionalPage<unknown>(client, pageRequest(org, kind, query), etag);
  return answer.notModified ? answer : { ...answer, rows: answer.rows.map((row) => LISTS[kind].toRow(row) as PatRows[R]) };
}
