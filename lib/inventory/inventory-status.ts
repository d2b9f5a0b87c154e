import "server-only";
import type { InventoryStatus, ListSyncStatus } from "@/lib/contract/inventory";
import type { PatResource } from "@/lib/contract/pat-rows";
import type { Database } from "@/lib/db/open-database";
import { readSyncStates, type SyncStateRow } from "./sync-state";

/** How fresh each list of the org is, for the freshness line and the first-sync progress bar. */
export async function inventoryStatus(database: Database, org: string, intervals: Record<PatResource, number>, now = Date.now()): Promise<InventoryStatus> {
  const rows = new Map((await readSyncStates(database, org.toLowerCase())).map((row) => [row.kind, row]));
  const status = (kind: PatResource): ListSyncStatus => toStatus(kind, rows.get(kind), intervals[kind], now);
  return { org, requests: status("requests"), tokens: status("tokens") };
}

function toStatus(kind: PatResource, row: SyncStateRow | undefined, intervalSeconds: number, now: number): ListSyncStatus {
  const running = !!row?.leaseUntil && row.leaseUntil.getTime() > now;
  const lastSuccess = row?.lastSuccessAt ?? null;
  return {
    kind,
    running,
    pagesDone: row?.pagesDone ?? 0,
    pagesTotal: row?.pagesTotal ?? null,
    lastSuccessAt: lastSuccess?.toISOString() ?? null,
    changedAt: row?.changedAt?.toISOString() ?? null,
    error: row?.errorCode && row.failedAt ? { code: row.errorCode, message: row.errorMessage ?? "", at: row.failedAt.toISOString() } : null,
    stale: lastSuccess === null ? !running : now - lastSuccess.getTime() > 2 * intervalSeconds * 1000,
    calls: row?.calls ?? 0,
    notModified: row?.notModified ?? 0,
  };
}
