import "server-only";
import { asc, count, desc, sql, type SQL } from "drizzle-orm";
import { SIGNAL_FILTERS, type CountedPage, type InventoryFilters, type InventorySort, type ListFacets, type SignalFilter } from "@/lib/contract/inventory";
import type { PatResource, PatRows } from "@/lib/contract/pat-rows";
import { patInventory as row } from "@/lib/db/inventory-schema";
import type { Database } from "@/lib/db/open-database";
import { UNUSED_DAYS } from "@/lib/format/token-hygiene";
import { listsAt, readOnce } from "./read-cache";
import { fromInventoryRow } from "./inventory-rows";
import { inventoryWhere, signalCondition, type WhereOptions } from "./inventory-where";

// Org-wide lists answered from the inventory: a page of rows in the order asked, with the exact
// number of matches; and, for the filter menus, how many of the matches have each signal. Each is
// read once per version of the list's rows (./read-cache.ts).

export interface ListQuery {
  filters: InventoryFilters;
  sort: InventorySort;
  page: number;
  perPage: number;
}

/** Never-expiring sorts after every date; never used, before. Ties go by id. */
function orderBy(sort: InventorySort): SQL[] {
  const direction = sort.direction === "asc" ? asc : desc;
  switch (sort.column) {
    case "listed":
      return [direction(row.listedAt), direction(row.id)];
    case "expires":
      return [sql`${row.tokenExpiresAt} ${sql.raw(sort.direction)} nulls ${sql.raw(sort.direction === "asc" ? "last" : "first")}`, direction(row.id)];
    case "last-used":
      return [sql`${row.tokenLastUsedAt} ${sql.raw(sort.direction)} nulls ${sql.raw(sort.direction === "asc" ? "first" : "last")}`, direction(row.id)];
    case "owner":
      return [direction(sql`lower(${row.ownerLogin})`), direction(row.listedAt), direction(row.id)];
  }
}

export async function listInventory<R extends PatResource>(
  database: Database,
  org: string,
  kind: R,
  query: ListQuery,
  options: WhereOptions,
): Promise<CountedPage<PatRows[R]>> {
  const where = inventoryWhere(org, kind, query.filters, options);
  const counting = database.select({ total: count() }).from(row).where(where);
  const paging = database
    .select()
    .from(row)
    .where(where)
    .orderBy(...orderBy(query.sort))
    .limit(query.perPage)
    .offset((query.page - 1) * query.perPage);
  // The page's rows and the count, each read once per version of the list (the next page of a
  // filter reuses its count).
  const at = await listsAt(database, org, [kind]);
  const [rows, total] = await Promise.all([
    readOnce(database, at, [paging], async () => (await paging).map((stored) => fromInventoryRow(kind, stored))),
    readOnce(database, at, [counting], async () => (await counting)[0]?.total ?? 0),
  ]);
  const lastPage = Math.max(1, Math.ceil(total / query.perPage));
  return { items: rows, page: query.page, perPage: query.perPage, hasNextPage: query.page < lastPage, lastPage, total };
}

/** How many owners the owner filter suggests. */
const TOP_OWNERS = 20;

export async function listFacets(database: Database, org: string, kind: PatResource, filters: InventoryFilters, options: WhereOptions): Promise<ListFacets> {
  const where = inventoryWhere(org, kind, filters, options);
  const signalCounts = Object.fromEntries(SIGNAL_FILTERS.map((signal) => [signal, sql<number>`count(*) filter (where ${signalCondition(signal, options.now)})::int`]));
  const unusedSince = new Date(options.now.getTime() - UNUSED_DAYS * 24 * 60 * 60 * 1000);
  const counting = database
    .select({ total: count(), unusedFor90Days: sql<number>`count(*) filter (where ${row.tokenLastUsedAt} < ${unusedSince})::int`, ...signalCounts })
    .from(row)
    .where(where);
  const topOwners = database
    .select({ login: row.ownerLogin, count: count() })
    .from(row)
    .where(where)
    .groupBy(row.ownerLogin)
    .orderBy(desc(count()), asc(row.ownerLogin))
    .limit(TOP_OWNERS);
  return readOnce(database, await listsAt(database, org, [kind]), [counting, topOwners], async (): Promise<ListFacets> => {
    const [[counts], owners] = await Promise.all([counting, topOwners]);
    const { total, unusedFor90Days, ...signals } = counts as { total: number; unusedFor90Days: number } & Record<SignalFilter, number>;
    return { total, signals, unusedFor90Days, owners };
  });
}
