import "server-only";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { GoneReason, PatRequestRow, PatResource, PatTokenRow } from "@/lib/contract/pat-rows";
import { patInventory } from "@/lib/db/inventory-schema";
import type { Database } from "@/lib/db/open-database";
import { toInventoryValues } from "./inventory-rows";

// Writes to the inventory: rows GitHub listed, rows it no longer lists, and rows Grantdesk's own
// writes took off. Rows are never deleted: one GitHub stops listing keeps its last state as history.

/** Reasons set by Grantdesk's own accepted writes (GitHub applies a 202 shortly after answering). */
const OWN_WRITES: GoneReason[] = ["approved", "denied", "revoked"];
/**
 * How long a row taken off by Grantdesk's own write stays off while GitHub still lists it (it
 * applies bulk writes shortly after answering). A row still listed after that comes back.
 */
export const OWN_WRITE_GRACE_MS = 2 * 60_000;

/** A row listed again is current again, unless Grantdesk's own write took it off moments ago. */
function stillGoneAfterSighting(seenAt: Date) {
  return sql`case when ${patInventory.goneReason} in (${sql.join(OWN_WRITES.map((reason) => sql`${reason}`), sql`, `)}) and ${patInventory.goneAt} > ${new Date(seenAt.getTime() - OWN_WRITE_GRACE_MS)} then ${patInventory.goneAt} else null end`;
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
        listedAt: excluded("listed_at"),
        tokenExpired: excluded("token_expired"),
        tokenExpiresAt: excluded("token_expires_at"),
        tokenLastUsedAt: excluded("token_last_used_at"),
        lastSeenAt: excluded("last_seen_at"),
        goneAt: stillGoneAfterSighting(seenAt),
        goneReason: sql`case when ${stillGoneAfterSighting(seenAt)} is null then null else ${patInventory.goneReason} end`,
      },
    });
}

/** Marks rows as still listed, unchanged (their page was a 304). */
export async function touchListedRows(database: Database, org: string, kind: PatResource, ids: readonly number[], seenAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await database
    .update(patInventory)
    .set({
      lastSeenAt: seenAt,
      goneAt: stillGoneAfterSighting(seenAt),
      goneReason: sql`case when ${stillGoneAfterSighting(seenAt)} is null then null else ${patInventory.goneReason} end`,
    })
    .where(and(eq(patInventory.org, org.toLowerCase()), eq(patInventory.kind, kind), inArray(patInventory.id, [...ids])));
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

/** Takes rows off the current list (GitHub confirmed they are gone, or Grantdesk's write was accepted). */
export async function markGone(database: Database, org: string, kind: PatResource, ids: readonly number[], reason: GoneReason, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await database
    .update(patInventory)
    .set({ goneAt: at, goneReason: reason })
    .where(
      and(
        eq(patInventory.org, org.toLowerCase()),
        eq(patInventory.kind, kind),
        inArray(patInventory.id, [...ids]),
        // An own write's reason is more exact than a sync's: keep it.
        or(isNull(patInventory.goneAt), sql`${patInventory.goneReason} not in ('approved', 'denied', 'revoked')`),
      ),
    );
}
