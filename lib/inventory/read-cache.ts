import "server-only";
import { LRUCache } from "lru-cache";
import type { PatResource } from "@/lib/contract/pat-rows";
import type { Database } from "@/lib/db/open-database";
import { readRowsVersions } from "./sync-state";

// Reads of an org's lists (a page of rows, a filter's exact total, the filter menus' counts, the
// overview), kept per database for the lists' rows version: every change to a list's rows moves
// its version (lib/inventory/inventory-store.ts), so an answer is reused only while the rows it
// read are unchanged — the same filter asked again, the next page of it — and is exact all the
// same. Time-dependent filters (expired, unused for N days) take the minute as their "now"
// (lib/inventory/read-inventory.ts), so an answer holds within the minute it was made for. The
// version is read from the database on every ask, so instances sharing a PostgreSQL never serve
// an answer another instance's sync has overtaken. Bounded by rows held, not only by entries.

const ENTRIES_KEPT = 1_000;
/** Rows of pages held at most (a count, a menu or an overview weighs one): about 10 MB. */
const ROWS_KEPT = 10_000;
const KEPT_FOR_MS = 15 * 60_000;

type Answer = NonNullable<unknown>;
type Cache = LRUCache<string, Answer, () => Promise<Answer>>;
const caches = new WeakMap<Database, Cache>();

const weight = (answer: Answer) => (Array.isArray(answer) ? Math.max(1, answer.length) : 1);

function cacheOf(database: Database): Cache {
  let cache = caches.get(database);
  if (!cache) {
    // fetch() runs the read once for concurrent asks of the same key; a failed read is not kept.
    cache = new LRUCache<string, Answer, () => Promise<Answer>>({
      max: ENTRIES_KEPT,
      maxSize: ROWS_KEPT,
      sizeCalculation: weight,
      ttl: KEPT_FOR_MS,
      fetchMethod: (_key, _stale, { context }) => context(),
    });
    caches.set(database, cache);
  }
  return cache;
}

/** A query as the database is asked it: its text and parameters are the key. */
export interface KeyedQuery {
  toSQL(): { sql: string; params: unknown[] };
}

/** The org's lists at their current versions: what answers read now are kept for. */
export interface ListsAt {
  org: string;
  versions: string[];
}

export async function listsAt(database: Database, org: string, lists: readonly PatResource[]): Promise<ListsAt> {
  const key = org.toLowerCase();
  const versions = await readRowsVersions(database, key, lists);
  return { org: key, versions: lists.map((list) => `${list}@${versions[list]}`) };
}

/** The answer of `read` (which runs `queries` over the lists), read once per version of the lists' rows. */
export async function readOnce<T extends Answer>(database: Database, at: ListsAt, queries: readonly KeyedQuery[], read: () => Promise<T>): Promise<T> {
  const key = JSON.stringify([at.org, at.versions, queries.map((query) => query.toSQL())]);
  return (await cacheOf(database).fetch(key, { context: read })) as T;
}

/** Forgets every answer kept for the database (the benchmark's "asked first" timings). */
export function forgetReads(database: Database): void {
  caches.get(database)?.clear();
}
