import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Bucket, OrgOverview } from "@/lib/contract/inventory";
import { patInventory as row } from "@/lib/db/inventory-schema";
import type { Database } from "@/lib/db/open-database";
import { listsAt, readOnce } from "./read-cache";
import { signalCondition } from "./inventory-where";
import { readSyncStates } from "./sync-state";

const DAY_MS = 24 * 60 * 60 * 1000;

/** One org at a glance, counted from its inventory in two queries (once per version of its lists: ./read-cache.ts). */
export async function orgOverview(database: Database, org: string, now = new Date()): Promise<OrgOverview> {
  const key = org.toLowerCase();
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const ahead = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const count = (condition: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${condition})::int`;
  const expired = signalCondition("expired", now);
  const notExpired = sql`not (${expired})`;
  const expiresBy = (days: number) => sql`${notExpired} and ${row.tokenExpiresAt} <= ${ahead(days)}`;
  const usedSince = (days: number) => sql`${row.tokenLastUsedAt} >= ${ago(days)}`;

  const requestCounts = database
    .select({ pending: sql<number>`count(*)::int`, oldest: sql<Date | null>`min(${row.listedAt})` })
    .from(row)
    .where(and(eq(row.org, key), eq(row.kind, "requests"), isNull(row.goneAt)));
  const tokenCounts = database
    .select({
      active: sql<number>`count(*)::int`,
      expired: count(expired),
      expiring7: count(expiresBy(7)),
      expiring30: count(sql`${expiresBy(30)} and ${row.tokenExpiresAt} > ${ahead(7)}`),
      expiring90: count(sql`${expiresBy(90)} and ${row.tokenExpiresAt} > ${ahead(30)}`),
      expiringLater: count(sql`${notExpired} and ${row.tokenExpiresAt} > ${ahead(90)}`),
      noExpiry: count(signalCondition("no-expiry", now)),
      neverUsed: count(signalCondition("never-used", now)),
      used7: count(usedSince(7)),
      used30: count(sql`${usedSince(30)} and ${row.tokenLastUsedAt} < ${ago(7)}`),
      used90: count(sql`${usedSince(90)} and ${row.tokenLastUsedAt} < ${ago(30)}`),
      unused90: count(sql`${row.tokenLastUsedAt} < ${ago(90)}`),
      elevated: count(signalCondition("elevated", now)),
      allRepositories: count(signalCondition("all-repositories", now)),
    })
    .from(row)
    .where(and(eq(row.org, key), eq(row.kind, "tokens"), isNull(row.goneAt)));
  const [{ requests, tokens }, syncs] = await Promise.all([
    readOnce(database, await listsAt(database, key, ["requests", "tokens"]), [requestCounts, tokenCounts], async () => {
      const [[requests], [tokens]] = await Promise.all([requestCounts, tokenCounts]);
      return { requests, tokens };
    }),
    readSyncStates(database, key),
  ]);
  const t = tokens!;
  const synced = (kind: "requests" | "tokens") => syncs.find((sync) => sync.kind === kind)?.lastSuccessAt?.toISOString() ?? null;
  const oldest = requests!.oldest;
  const byExpiry: Bucket[] = [
    { label: "Expired", count: t.expired },
    { label: "Within 7 days", count: t.expiring7 },
    { label: "8–30 days", count: t.expiring30 },
    { label: "31–90 days", count: t.expiring90 },
    { label: "Over 90 days", count: t.expiringLater },
    { label: "Never", count: t.noExpiry },
  ];
  const byLastUse: Bucket[] = [
    { label: "Within 7 days", count: t.used7 },
    { label: "8–30 days ago", count: t.used30 },
    { label: "31–90 days ago", count: t.used90 },
    { label: "Over 90 days ago", count: t.unused90 },
    { label: "Never", count: t.neverUsed },
  ];
  return {
    org,
    pendingRequests: requests!.pending,
    oldestPendingAt: oldest === null ? null : new Date(oldest).toISOString(),
    activeTokens: t.active,
    expired: t.expired,
    expiringWithin7Days: t.expiring7,
    noExpiry: t.noExpiry,
    neverUsed: t.neverUsed,
    unusedFor90Days: t.unused90,
    elevated: t.elevated,
    allRepositories: t.allRepositories,
    byExpiry,
    byLastUse,
    syncedAt: { requests: synced("requests"), tokens: synced("tokens") },
  };
}
