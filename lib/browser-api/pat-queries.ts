// Query options for the PAT lists (pending requests, active tokens) and their repositories.
// Each key holds every parameter the fetch depends on, so two different requests never share a
// cache entry; keys nest under ["orgs", org, resource] so one invalidation refreshes a resource.

import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { CountedPage } from "@/lib/contract/inventory";
import type { Page, PatResource, PatRows, RepositoryRow } from "@/lib/contract/pat-rows";
import { patListApiSearchParams, pickPatListParams, type PatListParams } from "@/lib/search-params/pat-list";
import { apiFetch } from "./api-fetch";

/** Repositories of a request or token come 30 to a page: enough to scan, quick to load. */
const REPOSITORIES_PER_PAGE = 30;

export const patKeys = {
  resource: (org: string, resource: PatResource) => ["orgs", org, resource] as const,
  lists: (org: string, resource: PatResource) => [...patKeys.resource(org, resource), "list"] as const,
  repositories: (org: string, resource: PatResource, id: number) => [...patKeys.resource(org, resource), "repositories", id] as const,
};

export function patResourcePath(org: string, resource: PatResource): string {
  return `/api/orgs/${encodeURIComponent(org)}/${resource}`;
}

/** One page of a PAT list; the previous page stays on screen while the next loads. */
export function patListQuery<R extends PatResource>(org: string, resource: R, params: PatListParams) {
  const listParams = pickPatListParams(params);
  return queryOptions({
    queryKey: [...patKeys.lists(org, resource), listParams] as const,
    queryFn: ({ signal }) => apiFetch<CountedPage<PatRows[R]>>(`${patResourcePath(org, resource)}?${patListApiSearchParams(listParams)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One page of the repositories a subset request or token reaches. */
export function patRepositoriesQuery(org: string, resource: PatResource, id: number, page: number) {
  return queryOptions({
    queryKey: [...patKeys.repositories(org, resource, id), { page, perPage: REPOSITORIES_PER_PAGE }] as const,
    queryFn: ({ signal }) =>
      apiFetch<Page<RepositoryRow>>(`${patResourcePath(org, resource)}/${id}/repositories?page=${page}&per_page=${REPOSITORIES_PER_PAGE}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
