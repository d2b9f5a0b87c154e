import "server-only";
import type { Page, PatRequestRow } from "@/lib/contract/pat-rows";
import { REQUESTS_READ } from "./app-permissions";
import { buildListQuery, DEFAULT_PER_PAGE, type PatListQuery } from "./build-list-query";
import { fetchPage } from "./fetch-page";
import { github } from "./shared-client";
import { toPatRequestRow, type GitHubPatRequest } from "./map-github-rows";

/** One page of the org's pending fine-grained PAT requests (`GET /orgs/{org}/personal-access-token-requests`). */
export function listRequests(org: string, query: PatListQuery = {}, client = github()): Promise<Page<PatRequestRow>> {
  return fetchPage<GitHubPatRequest, PatRequestRow>(
    client,
    {
      path: `/orgs/${encodeURIComponent(org)}/personal-access-token-requests?${buildListQuery(query)}`,
      page: query.page ?? 1,
      perPage: query.perPage ?? DEFAULT_PER_PAGE,
      context: { org, permission: REQUESTS_READ },
    },
    toPatRequestRow,
  );
}
