import "server-only";
import { and, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { GoneReason, PatRequestRow, PatResource, PatTokenRow } from "@/lib/contract/pat-rows";
import { patInventory } from "@/lib/db/inventory-schema";
import type { Database } from "@/lib/db/open-database";
import { toInventoryValues } from "./inventory-rows";
import { bumpRowsVersion } from "./sync-state";

// Writes to the inventory: rows GitHub listed, rows it no longer lists, and rows Grantdesk's own
// writes took off. Rows are never deleted: one GitHub stops listing keeps its last state as history.
// Every write that changes what a list holds moves the list's rows version (counts kept for the
// old one go stale: ./read-cache.ts).

/**
 * How exact each reason is: Grantdesk's own accepted writes (3), then what GitHub's webhooks said
 * happened (2), then what a sync inferred from a row no longer listed (1). A row's reason is only
 * ever replaced by one at least as exact.
 */
const REASON_RANK: Record<GoneReason, number> = {
  approved: 3,
  denied: 3,
  revoked: 3,
  approved_outside: 2,
  denied_outside: 2,
  cancelled: 2,
  reviewed_outside: 1,
  revoked_outside: 1,
  expired: 1,
};
const reasonRank = sql`case ${patInventory.goneReason} ${sql.join(
  Object.entries(REASON_RANK).map(([reason, rank]) => sql`when ${reason} then ${rank}`),
  sql` `,
)} else 0 end`;

/** Reasons GitHub stated (by accepting Grantdesk's write, or in a webhook): GitHub's lists may lag behind them. */
const STATED: GoneReason[] = (Object.keys(REASON_RANK) as GoneReason[]).filter((reason) => REASON_RANK[reason] >= 2);
/**
 * How long a row taken off by a write GitHub accepted (it applies bulk writes shortly after
 * answering) or by a webhook stays off while GitHub's list still shows it. A row still listed
 * after that comes back.
 */
export const OWN_WRITE_GRACE_MS = 2 * 60_000;

/** A row listed again is current again, unless a write or a webhook took it off moments ago. */
function stillGoneAfterSighting(seenAt: Date) {
  return sql`case when ${patInventory.goneReason} in (${sql.join(STATED.map((reason) => sql`${reason}`), sql`, `)}) and ${patInventory.goneAt} > ${new Date(seenAt.getTime() - OWN_WRITE_GRACE_MS)} then ${patInventory.goneAt} else null end`;
}

/** Stores rows as GitHub listed them just now (new ones are added, known ones updated). */
export async function upsertListedRows(database: Database, org: string, kind: PatResource, rows: readonly (PatRequestRow | PatTokenRow)[], seenAt: Date): Promise<void> {
  if (rows.length === 0) return;
  const excluded = (column: string) => sql.raw(`excluded."${column}"`);
  await database
    .insert(patInventory)
    .values(rows.map((row) => toInventoryValues(org, kind, row, seenAt)))
    .onConflictDoUpdate({
      target: [patInventory.org, patInventory.kind, patInventory.id],
      set: {
        tokenId: excluded("token_id"),
        tokenName: excluded("token_name"),
        ownerLogin: excluded("owner_login"),
        ownerId: excluded("owner_id"),
        ownerAvatarUrl: excluded("owner_avatar_url"),
        reason: excluded("reason"),
        permissions: excluded("permissions"),
        repositorySelection: excluded("repository_selection"),
        maxLevel: excluded("max_level"),
        grants: excluded("grants"),
        listedAt: excluded("listed_at"),
        tokenExpired: excluded("token_expired"),
        tokenExpiresAt: excluded("token_expires_at"),
        tokenLastUsedAt: excluded("token_last_used_at"),
        lastSeenAt: excluded("last_seen_at"),
        goneAt: stillGoneAfterSighting(seenAt),
        goneReason: sql`case when ${stillGoneAfterSighting(seenAt)} is null then null else ${patInventory.goneReason} end`,
      },
    });
  await bumpRowsVersion(database, org.toLowerCase(), kind);
}

/** Marks rows as still listed, unchanged (their page was a 304). */
export async function touchListedRows(database: Database, org: string, kind: PatResource, ids: readonly number[], seenAt: Date): Promise<void> {
  if (ids.length === 0) return;
  const listed = and(eq(patInventory.org, org.toLowerCase()), eq(patInventory.kind, kind), inArray(patInventory.id, [...ids]));
  // Current rows only get their sighting (the list is unchanged); one taken off by a write or a
  // webhook comes back once its grace is over, and that changes the list.
  await database.update(patInventory).set({ lastSeenAt: seenAt }).where(and(listed, isNull(patInventory.goneAt)));
  const back = await database
    .update(patInventory)
    .set({
      lastSeenAt: seenAt,
      goneAt: stillGoneAfterSighting(seenAt),
      goneReason: sql`case when ${stillGoneAfterSighting(seenAt)} is null then null else ${patInventory.goneReason} end`,
    })
    .where(and(listed, isNotNull(patInventory.goneAt)))
    .returning({ goneAt: patInventory.goneAt });
  if (back.some((row) => row.goneAt === null)) await bumpRowsVersion(database, org.toLowerCase(), kind);
}

export interface CurrentRow {
  id: number;
  tokenId: number;
  expiredAt: Date | null;
}

/** The rows the inventory holds as currently listed. */
export async function currentRows(database: Database, org: string, kind: PatResource): Promise<CurrentRow[]> {
  const rows = await database
    .select({ id: patInventory.id, tokenId: patInventory.tokenId, expired: patInventory.tokenExpired, expiresAt: patInventory.tokenExpiresAt })
    .from(patInventory)
    .where(and(eq(patInventory.org, org.toLowerCase()), eq(patInventory.kind, kind), isNull(patInventory.goneAt)));
  return rows.map((row) => ({ id: row.id, tokenId: row.tokenId, expiredAt: row.expired ? (row.expiresAt ?? new Date(0)) : row.expiresAt }));
}

/** Takes rows off the current list (GitHub confirmed they are gone, said so in a webhook, or accepted Grantdesk's write). */
export async function markGone(database: Database, org: string, kind: PatResource, ids: readonly number[], reason: GoneReason, at: Date): Promise<void> {
  if (ids.length === 0) return;
  const marked = await database
    .update(patInventory)
    .set({ goneAt: at, goneReason: reason })
    .where(
      and(
        eq(patInventory.org, org.toLowerCase()),
        eq(patInventory.kind, kind),
        inArray(patInventory.id, [...ids]),
        // A more exact reason is kept (an own write's over a webhook's over a sync's).
        or(isNull(patInventory.goneAt), sql`${reasonRank} <= ${REASON_RANK[reason]}`),
      ),
    )
    .returning({ id: patInventory.id });
  if (marked.length > 0) await bumpRowsVersion(database, org.toLowerCase(), kind);
}
