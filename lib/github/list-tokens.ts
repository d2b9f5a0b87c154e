import "server-only";
import type { Page, PatTokenRow } from "@/lib/contract/pat-rows";
import { TOKENS_READ } from "./app-permissions";
import { buildListQuery, DEFAULT_PER_PAGE, type PatListQuery } from "./build-list-query";
import { fetchPage } from "./fetch-page";
import { github } from "./shared-client";
import { toPatTokenRow, type GitHubPatGrant } from "./map-github-rows";

/** One page of the fine-grained PATs with access to the org (`GET /orgs/{org}/personal-access-tokens`). */
export function listTokens(org: string, query: PatListQuery = {}, client = github()): Promise<Page<PatTokenRow>> {
  return fetchPage<GitHubPatGrant, PatTokenRow>(
    client,
    {
      path: `/orgs/${encodeURIComponent(org)}/personal-access-tokens?${buildListQuery(query)}`,
      page: query.page ?? 1,
      perPage: query.perPage ?? DEFAULT_PER_PAGE,
      context: { org, permission: TOKENS_READ },
    },
    toPatTokenRow,
  );
}
