import "server-only";
import { ApiError } from "@/lib/contract/api-error";
import type { CountedPage, InventoryFilters, InventoryStatus, ListFacets, OrgOverview } from "@/lib/contract/inventory";
import type { PatResource, PatRows } from "@/lib/contract/pat-rows";
import { env } from "@/lib/env";
import type { Database } from "@/lib/db/open-database";
import { withDatabase } from "@/lib/db/with-database";
import { GitHubError } from "@/lib/github/github-error";
import { github } from "@/lib/github/shared-client";
import { inventoryStatus } from "./inventory-status";
import { listFacets, listInventory, type ListQuery } from "./list-inventory";
import { orgOverview } from "./org-overview";
import { subsetIdsReaching } from "./repository-matches";
import { tick } from "./sync-scheduler";
import { requestSync } from "./sync-state";

/** Runs a read of the inventory; GitHub's own errors (a repository filter asks GitHub) pass through. */
function readInventory<T>(read: (database: Database) => Promise<T>): Promise<T> {
  return withDatabase("inventory", read, (error) => error instanceof ApiError || error instanceof GitHubError);
}

/**
 * "Now" for time-dependent filters (expired, unused for N days): the start of the minute, which
 * the pages show times to, so a count made this minute is the count of every ask in it.
 */
function thisMinute(): Date {
  return new Date(Math.floor(Date.now() / 60_000) * 60_000);
}

async function repositoryIds(org: string, kind: PatResource, filters: InventoryFilters): Promise<number[] | undefined> {
  return filters.repository === undefined ? undefined : subsetIdsReaching(org, kind, filters, github());
}

/** A page of an org's requests or tokens, from the inventory, with the exact number of matches. */
export async function readInventoryList<R extends PatResource>(org: string, kind: R, query: ListQuery): Promise<CountedPage<PatRows[R]>> {
  const ids = await repositoryIds(org, kind, query.filters);
  return readInventory((database) => listInventory(database, org, kind, query, { repositoryIds: ids, now: thisMinute() }));
}

/** How many of the matches have each signal, and who holds most of them. */
export async function readInventoryFacets(org: string, kind: PatResource, filters: InventoryFilters): Promise<ListFacets> {
  const ids = await repositoryIds(org, kind, filters);
  return readInventory((database) => listFacets(database, org, kind, filters, { repositoryIds: ids, now: thisMinute() }));
}

/** How fresh the org's inventory is. */
export function readInventoryStatus(org: string): Promise<InventoryStatus> {
  return readInventory((database) => inventoryStatus(database, org, env().syncIntervalSeconds));
}

/** "Refresh now": both lists of the org are synced at once (on whichever instance gets there first). */
export async function refreshInventory(org: string): Promise<InventoryStatus> {
  await readInventory(async (database) => {
    await requestSync(database, org.toLowerCase(), "requests");
    await requestSync(database, org.toLowerCase(), "tokens");
  });
  await tick();
  return readInventoryStatus(org);
}

/** The org at a glance, for the overview. */
export function readOrgOverview(org: string): Promise<OrgOverview> {
  return readInventory((database) => orgOverview(database, org, thisMinute()));
}
