import "server-only";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { PatResource } from "@/lib/contract/pat-rows";
import { inventorySyncs } from "@/lib/db/inventory-schema";
import type { Database } from "@/lib/db/open-database";

// Each list's sync state, one row per org and list. The row is also the sync's lock: an instance
// takes it by writing itself as `lease_owner` for a minute, in one conditional UPDATE that only
// one instance can win, and renews it while it reads GitHub. A crashed instance's lease lapses,
// so another takes over; two never read the same list at once.

export const LEASE_MS = 60_000;

async function ensureRow(database: Database, org: string, kind: PatResource) {
  await database.insert(inventorySyncs).values({ org, kind }).onConflictDoNothing();
}

/** Takes the sync of the list for `owner`; false when another instance holds it. */
export async function takeSyncLease(database: Database, org: string, kind: PatResource, owner: string, now: Date): Promise<boolean> {
  await ensureRow(database, org, kind);
  const taken = await database
    .update(inventorySyncs)
    .set({ leaseOwner: owner, leaseUntil: new Date(now.getTime() + LEASE_MS), startedAt: now, pagesDone: 0, pagesTotal: null, calls: 0, notModified: 0, requestedAt: null })
    .where(
      and(
        eq(inventorySyncs.org, org),
        eq(inventorySyncs.kind, kind),
        or(isNull(inventorySyncs.leaseUntil), lt(inventorySyncs.leaseUntil, now), eq(inventorySyncs.leaseOwner, owner)),
      ),
    )
    .returning({ org: inventorySyncs.org });
  return taken.length === 1;
}

/** Progress of a running sync, renewing its lease; false when the lease was lost (the sync must stop). */
export async function reportSyncProgress(
  database: Database,
  org: string,
  kind: PatResource,
  owner: string,
  progress: { pagesDone: number; pagesTotal: number | null; calls: number; notModified: number },
): Promise<boolean> {
  const renewed = await database
    .update(inventorySyncs)
    .set({ ...progress, leaseUntil: new Date(Date.now() + LEASE_MS) })
    .where(and(eq(inventorySyncs.org, org), eq(inventorySyncs.kind, kind), eq(inventorySyncs.leaseOwner, owner)))
    .returning({ org: inventorySyncs.org });
  return renewed.length === 1;
}

export async function finishSync(
  database: Database,
  org: string,
  kind: PatResource,
  owner: string,
  outcome: { ok: true; changed: boolean } | { ok: false; code: string; message: string; changed: boolean },
  counts: { pagesDone: number; pagesTotal: number | null; calls: number; notModified: number },
): Promise<void> {
  const now = new Date();
  await database
    .update(inventorySyncs)
    .set({
      ...counts,
      leaseOwner: null,
      leaseUntil: null,
      finishedAt: now,
      ...(outcome.changed ? { changedAt: now } : {}),
      ...(outcome.ok
        ? { lastSuccessAt: now, errorCode: null, errorMessage: null, failedAt: null }
        : { errorCode: outcome.code, errorMessage: outcome.message, failedAt: now }),
    })
    .where(and(eq(inventorySyncs.org, org), eq(inventorySyncs.kind, kind), eq(inventorySyncs.leaseOwner, owner)));
}

/**
 * The lists' rows changed outside a sync (a webhook delivery, a job's accepted writes): open pages
 * read `changed_at` to know when to re-read the list.
 */
export async function markListsChanged(database: Database, org: string, kinds: readonly PatResource[], at = new Date()): Promise<void> {
  for (const kind of kinds) {
    await ensureRow(database, org, kind);
    await database.update(inventorySyncs).set({ changedAt: at }).where(and(eq(inventorySyncs.org, org), eq(inventorySyncs.kind, kind)));
  }
}

/** An owner asked for a sync now: the scheduler picks it up on its next round, on whichever instance. */
export async function requestSync(database: Database, org: string, kind: PatResource): Promise<void> {
  await ensureRow(database, org, kind);
  await database.update(inventorySyncs).set({ requestedAt: sql`now()` }).where(and(eq(inventorySyncs.org, org), eq(inventorySyncs.kind, kind)));
}

export type SyncStateRow = typeof inventorySyncs.$inferSelect;

export async function readSyncStates(database: Database, org: string): Promise<SyncStateRow[]> {
  return database.select().from(inventorySyncs).where(eq(inventorySyncs.org, org));
}

/** The list's rows changed (rows added, updated or taken off): counts kept for the old version go stale. */
export async function bumpRowsVersion(database: Database, org: string, kind: PatResource): Promise<void> {
  await database
    .insert(inventorySyncs)
    .values({ org, kind, rowsVersion: 1 })
    .onConflictDoUpdate({ target: [inventorySyncs.org, inventorySyncs.kind], set: { rowsVersion: sql`${inventorySyncs.rowsVersion} + 1` } });
}

/** Each list's rows version (0 before its first change). */
export async function readRowsVersions(database: Database, org: string, kinds: readonly PatResource[]): Promise<Record<PatResource, number>> {
  const rows = await database
    .select({ kind: inventorySyncs.kind, version: inventorySyncs.rowsVersion })
    .from(inventorySyncs)
    .where(and(eq(inventorySyncs.org, org), inArray(inventorySyncs.kind, [...kinds])));
  const versions: Record<PatResource, number> = { requests: 0, tokens: 0 };
  for (const row of rows) versions[row.kind] = row.version;
  return versions;
}
