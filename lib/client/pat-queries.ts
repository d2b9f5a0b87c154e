// Query options for the PAT lists (pending requests, active tokens) and their repositories.
// Each key holds every parameter the fetch depends on, so two different requests never share a
// cache entry; keys nest under ["orgs", org, resource] so one invalidation refreshes a resource.

import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { Page, PatRequestRow, PatTokenRow, RepositoryRow } from "@/lib/api/contract";
import { decodePatListPage } from "@/lib/api/pat-list-wire";
import { patListApiSearchParams, pickPatListParams, type PatListParams } from "@/lib/search-params/pat-list";
import { apiFetch } from "./api-fetch";

export type PatResource = "requests" | "tokens";

interface PatRows {
  requests: PatRequestRow;
  tokens: PatTokenRow;
}

/** Repositories of a request or token come 30 to a page: enough to scan, quick to load. */
const REPOSITORIES_PER_PAGE = 30;

export const patKeys = {
  resource: (org: string, resource: PatResource) => ["orgs", org, resource] as const,
  lists: (org: string, resource: PatResource) => [...patKeys.resource(org, resource), "list"] as const,
  repositories: (org: string, resource: PatResource, id: number) => [...patKeys.resource(org, resource), "repositories", id] as const,
};

function resourcePath(org: string, resource: PatResource): string {
  return `/api/orgs/${encodeURIComponent(org)}/${resource}`;
}

/**
 * One page of a PAT list; the previous page stays on screen while the next loads. The route
 * answers column by column (pat-list-wire.ts); the cache holds rows, as the server's prefetch does.
 */
export function patListQuery<R extends PatResource>(org: string, resource: R, params: PatListParams) {
  const listParams = pickPatListParams(params);
  return queryOptions({
    queryKey: [...patKeys.lists(org, resource), listParams] as const,
    queryFn: async ({ signal }): Promise<Page<PatRows[R]>> =>
      decodePatListPage(resource, await apiFetch<unknown>(`${resourcePath(org, resource)}?${patListApiSearchParams(listParams)}`, { signal })) as Page<PatRows[R]>,
    placeholderData: keepPreviousData,
  });
}

/** One page of the repositories a subset request or token reaches. */
export function patRepositoriesQuery(org: string, resource: PatResource, id: number, page: number) {
  return queryOptions({
    queryKey: [...patKeys.repositories(org, resource, id), { page, perPage: REPOSITORIES_PER_PAGE }] as const,
    queryFn: ({ signal }) =>
      apiFetch<Page<RepositoryRow>>(`${resourcePath(org, resource)}/${id}/repositories?page=${page}&per_page=${REPOSITORIES_PER_PAGE}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
