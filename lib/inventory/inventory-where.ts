import "server-only";
import { and, eq, gt, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { InventoryFilters, SignalFilter } from "@/lib/contract/inventory";
import type { PatResource } from "@/lib/contract/pat-rows";
import { patInventory as row } from "@/lib/db/inventory-schema";

// An org-wide list's filters as SQL over the inventory. Every value arrives validated (the API's
// zod schemas); each one is a bound parameter here, never text spliced into SQL.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Expired: GitHub said so, or its expiry has passed since the last sync. */
const expired = (now: Date) => or(eq(row.tokenExpired, true), sql`${row.tokenExpiresAt} <= ${now}`)!;

const expiringWithin = (days: number, now: Date) =>
  and(eq(row.tokenExpired, false), sql`${row.tokenExpiresAt} > ${now}`, sql`${row.tokenExpiresAt} <= ${new Date(now.getTime() + days * DAY_MS)}`)!;

export function signalCondition(signal: SignalFilter, now: Date): SQL {
  switch (signal) {
    case "expired":
      return expired(now);
    case "expiring-7":
      return expiringWithin(7, now);
    case "expiring-30":
      return expiringWithin(30, now);
    case "no-expiry":
      return isNull(row.tokenExpiresAt);
    case "never-used":
      return isNull(row.tokenLastUsedAt);
    case "elevated":
      return sql`${row.maxLevel} >= 2`;
    case "all-repositories":
      return eq(row.repositorySelection, "all");
  }
}

/** `issues_write` → the token has exactly that level of that permission, in whichever group GitHub puts it. */
function permissionCondition(permission: string): SQL {
  return sql`${row.grants} @> array[${permission}]::text[]`;
}

/** `a%b_c` → a pattern that matches those characters literally, anywhere. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export interface WhereOptions {
  /** With a repository filter: the subset tokens GitHub says reach it (see repository-matches). */
  repositoryIds?: readonly number[];
  now: Date;
}

export function inventoryWhere(org: string, kind: PatResource, filters: InventoryFilters, { repositoryIds = [], now }: WhereOptions): SQL {
  const conditions: (SQL | undefined)[] = [eq(row.org, org.toLowerCase()), eq(row.kind, kind)];
  const state = filters.state ?? "active";
  if (state === "active") conditions.push(isNull(row.goneAt));
  if (state === "gone") conditions.push(isNotNull(row.goneAt));
  if (filters.owner?.length) conditions.push(inArray(sql`lower(${row.ownerLogin})`, filters.owner.map((login) => login.toLowerCase())));
  if (filters.repository !== undefined) {
    conditions.push(repositoryIds.length > 0 ? or(eq(row.repositorySelection, "all"), inArray(row.id, [...repositoryIds])) : eq(row.repositorySelection, "all"));
  }
  if (filters.permission) conditions.push(permissionCondition(filters.permission));
  if (filters.lastUsedBefore) conditions.push(lt(row.tokenLastUsedAt, filters.lastUsedBefore));
  if (filters.lastUsedAfter) conditions.push(gt(row.tokenLastUsedAt, filters.lastUsedAfter));
  for (const signal of filters.signals ?? []) conditions.push(signalCondition(signal, now));
  if (filters.unusedDays !== undefined) conditions.push(lt(row.tokenLastUsedAt, new Date(now.getTime() - filters.unusedDays * DAY_MS)));
  if (filters.search) {
    const pattern = containsPattern(filters.search);
    conditions.push(or(sql`${row.tokenName} ilike ${pattern}`, sql`${row.ownerLogin} ilike ${pattern}`, sql`${row.reason} ilike ${pattern}`));
  }
  return and(...conditions)!;
}
