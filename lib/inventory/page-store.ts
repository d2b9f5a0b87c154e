import "server-only";
import { and, eq, gt } from "drizzle-orm";
import type { PatResource } from "@/lib/contract/pat-rows";
import { inventoryPages } from "@/lib/db/inventory-schema";
import type { Database } from "@/lib/db/open-database";

// What GitHub last sent for each page of a list: its ETag, so the next sync asks "changed since?"
// (an unchanged page is a 304, which costs no rate limit), and the ids it held, which a 304 says
// are all still listed there.

export interface StoredPage {
  etag: string;
  ids: number[];
  hasNext: boolean;
  /** How many pages GitHub's Link header said the list had (null: it did not say). */
  lastPage: number | null;
}

export async function loadPages(database: Database, org: string, kind: PatResource): Promise<Map<number, StoredPage>> {
  const rows = await database.select().from(inventoryPages).where(and(eq(inventoryPages.org, org), eq(inventoryPages.kind, kind)));
  return new Map(rows.map((row) => [row.page, { etag: row.etag, ids: row.ids, hasNext: row.hasNext, lastPage: row.lastPage }]));
}

export async function savePage(database: Database, org: string, kind: PatResource, page: number, stored: StoredPage): Promise<void> {
  const values = { org, kind, page, etag: stored.etag, ids: stored.ids, hasNext: stored.hasNext, lastPage: stored.lastPage, fetchedAt: new Date() };
  await database
    .insert(inventoryPages)
    .values(values)
    .onConflictDoUpdate({
      target: [inventoryPages.org, inventoryPages.kind, inventoryPages.page],
      set: { etag: values.etag, ids: values.ids, hasNext: values.hasNext, lastPage: values.lastPage, fetchedAt: values.fetchedAt },
    });
}

export async function forgetPage(database: Database, org: string, kind: PatResource, page: number): Promise<void> {
  await database.delete(inventoryPages).where(and(eq(inventoryPages.org, org), eq(inventoryPages.kind, kind), eq(inventoryPages.page, page)));
}

/** The list ended at `lastPage`: pages after it are no longer GitHub's. */
export async function forgetPagesAfter(database: Database, org: string, kind: PatResource, lastPage: number): Promise<void> {
  await database.delete(inventoryPages).where(and(eq(inventoryPages.org, org), eq(inventoryPages.kind, kind), gt(inventoryPages.page, lastPage)));
}
