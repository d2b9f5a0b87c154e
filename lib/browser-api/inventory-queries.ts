// Query options for the inventory's freshness and the lists' facet counts.

import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { InventoryStatus, ListFacets } from "@/lib/contract/inventory";
import type { PatResource } from "@/lib/contract/pat-rows";
import { patFilterSearchParams, pickPatListParams, type PatListParams } from "@/lib/search-params/pat-list";
import { apiFetch } from "./api-fetch";
import { isOrgEventStreamLive } from "./org-event-source";
import { patResourcePath } from "./pat-queries";

/**
 * While a sync runs, its progress is asked for every second. Otherwise the org's event stream says
 * when the status moved (org-event-source.ts), and a poll every 2 minutes is only a safety net;
 * while the stream is down, every 15 s, as before there was one.
 */
const RUNNING_POLL_MS = 1_000;
const LIVE_POLL_MS = 120_000;
const IDLE_POLL_MS = 15_000;

export const inventoryKeys = {
  status: (org: string) => ["orgs", org, "inventory"] as const,
};

export function inventoryStatusQuery(org: string) {
  return queryOptions({
    queryKey: inventoryKeys.status(org),
    queryFn: ({ signal }) => apiFetch<InventoryStatus>(`/api/orgs/${encodeURIComponent(org)}/inventory`, { signal }),
    refetchInterval: (query) =>
      query.state.data?.requests.running || query.state.data?.tokens.running ? RUNNING_POLL_MS : isOrgEventStreamLive(org) ? LIVE_POLL_MS : IDLE_POLL_MS,
  });
}

/** "Refresh now": both lists are synced at once; answers the new status. */
export function postInventoryRefresh(org: string): Promise<InventoryStatus> {
  return apiFetch<InventoryStatus>(`/api/orgs/${encodeURIComponent(org)}/inventory/sync`, { method: "POST", body: "{}" });
}

/** How many of the current matches have each signal, and who holds most: for the filter menus. */
export function patFacetsQuery(org: string, resource: PatResource, params: PatListParams) {
  const filters = patFilterSearchParams(pickPatListParams(params));
  return queryOptions({
    queryKey: ["orgs", org, resource, "facets", filters.toString()] as const,
    queryFn: ({ signal }) => apiFetch<ListFacets>(`${patResourcePath(org, resource)}/facets?${filters}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
