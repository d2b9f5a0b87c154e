import type { InventoryCandidate } from "./due-notifications";
import { DIGEST_ITEMS, type DigestFacts } from "./notification-content";

// What a daily digest lists: pending requests oldest first, tokens expiring within 7 days soonest
// first, and tokens that became unused for 90 days since the previous digest (last used between
// 91 and 90 days ago: a token crosses that line once, so it is listed once). Each list shows its
// first items and its full count; the message links to the filtered table for the rest.

const DAY_MS = 24 * 60 * 60_000;
export const EXPIRING_DAYS = 7;
export const UNUSED_DAYS = 90;

/** Last used between 91 and 90 days before `now`: it crossed the 90-day line within the last day. */
export function isNewlyUnused(lastUsedAt: Date | null, now: Date): boolean {
  if (lastUsedAt === null) return false;
  const age = now.getTime() - lastUsedAt.getTime();
  return age >= UNUSED_DAYS * DAY_MS && age < (UNUSED_DAYS + 1) * DAY_MS;
}

export function isExpiringSoon(row: Pick<InventoryCandidate, "tokenExpired" | "tokenExpiresAt">, now: Date): boolean {
  if (row.tokenExpired || row.tokenExpiresAt === null) return false;
  const left = row.tokenExpiresAt.getTime() - now.getTime();
  return left > 0 && left <= EXPIRING_DAYS * DAY_MS;
}

export interface DigestInput {
  date: string;
  timeZone: string;
  /** The oldest pending requests, and how many are pending in all. */
  pending: { total: number; oldest: InventoryCandidate[] };
  /** Active tokens that may be expiring soon or newly unused (the query's coarse cut). */
  tokens: InventoryCandidate[];
  now: Date;
}

const byTime = (pick: (row: InventoryCandidate) => Date | null) => (a: InventoryCandidate, b: InventoryCandidate) =>
  (pick(a)?.getTime() ?? 0) - (pick(b)?.getTime() ?? 0) || a.id - b.id;

export function buildDigest({ date, timeZone, pending, tokens, now }: DigestInput): DigestFacts {
  const live = tokens.filter((row) => row.goneAt === null);
  const expiring = live.filter((row) => isExpiringSoon(row, now)).sort(byTime((row) => row.tokenExpiresAt));
  const unused = live.filter((row) => isNewlyUnused(row.tokenLastUsedAt, now)).sort(byTime((row) => row.tokenLastUsedAt));
  const oldest = pending.oldest.filter((row) => row.goneAt === null).sort(byTime((row) => row.listedAt));
  return {
    date,
    timeZone,
    pending: {
      total: pending.total,
      items: oldest.slice(0, DIGEST_ITEMS).map((row) => ({ id: row.id, tokenName: row.tokenName, requester: row.ownerLogin, requestedAt: row.listedAt.toISOString(), permissions: row.permissions })),
    },
    expiring: {
      total: expiring.length,
      items: expiring.slice(0, DIGEST_ITEMS).map((row) => ({ id: row.id, tokenName: row.tokenName, owner: row.ownerLogin, tokenExpiresAt: row.tokenExpiresAt?.toISOString() ?? null })),
    },
    newlyUnused: {
      total: unused.length,
      items: unused.slice(0, DIGEST_ITEMS).map((row) => ({ id: row.id, tokenName: row.tokenName, owner: row.ownerLogin, tokenLastUsedAt: row.tokenLastUsedAt?.toISOString() ?? null })),
    },
  };
}
