import "server-only";
import type { Page, RepositoryRow } from "@/lib/contract/pat-rows";
import { REQUESTS_READ, TOKENS_READ } from "./app-permissions";
import { buildPageQuery, DEFAULT_PER_PAGE, type PageQuery } from "./build-list-query";
import { fetchPage } from "./fetch-page";
import { github } from "./shared-client";
import { toRepositoryRow, type GitHubRepository } from "./map-github-rows";

/** The repositories a pending request asks for (`GET …/personal-access-token-requests/{id}/repositories`). */
export function listRequestRepositories(org: string, id: number, query: PageQuery = {}, client = github()): Promise<Page<RepositoryRow>> {
  return fetchPage<GitHubRepository, RepositoryRow>(
    client,
    {
      path: `/orgs/${encodeURIComponent(org)}/personal-access-token-requests/${id}/repositories?${buildPageQuery(query)}`,
      page: query.page ?? 1,
      perPage: query.perPage ?? DEFAULT_PER_PAGE,
      context: { org, permission: REQUESTS_READ, notFound: `Request ${id} is not pending in ${org} (already reviewed, or no such request).` },
    },
    toRepositoryRow,
  );
}

/** The repositories a token can reach (`GET …/personal-access-tokens/{id}/repositories`). */
export function listTokenRepositories(org: string, id: number, query: PageQuery = {}, client = github()): Promise<Page<RepositoryRow>> {
  return fetchPage<GitHubRepository, RepositoryRow>(
    client,
    {
      path: `/orgs/${encodeURIComponent(org)}/personal-access-tokens/${id}/repositories?${buildPageQuery(query)}`,
      page: query.page ?? 1,
      perPage: query.perPage ?? DEFAULT_PER_PAGE,
      context: { org, permission: TOKENS_READ, notFound: `Token ${id} has no access to ${org} (revoked, or no such token).` },
    },
    toRepositoryRow,
  );
}
