import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { PatResource, PatRows } from "@/lib/contract/pat-rows";
import { patInventory } from "@/lib/db/inventory-schema";
import type { Database } from "@/lib/db/open-database";
import type { GitHubClient } from "@/lib/github/create-github-client";
import { findListedByTokenIds } from "@/lib/github/find-listed";

// Writes never trust the inventory: just before ids are sent, GitHub is asked which of them it
// still lists (pending requests, active grants), by the token ids the inventory holds for them
// (`token_id[]`, 50 a call). Only those are sent; the rest are reported, not sent.

export interface Recheck<Row> {
  /** Still listed by GitHub, as GitHub describes them now. */
  listed: Map<number, Row>;
  /** In the inventory, but GitHub no longer lists them (reviewed or revoked meanwhile). */
  notListed: number[];
  /** Not in Grantdesk's inventory at all (never synced, or no such id): nothing to look them up by. */
  unknown: number[];
}

/** Rejects (GitHubError) when GitHub cannot be read: then nothing may be sent. */
export async function recheckTargets<R extends PatResource>(database: Database, client: GitHubClient, org: string, kind: R, ids: readonly number[]): Promise<Recheck<PatRows[R]>> {
  const known = await database
    .select({ id: patInventory.id, tokenId: patInventory.tokenId })
    .from(patInventory)
    .where(and(eq(patInventory.org, org.toLowerCase()), eq(patInventory.kind, kind), inArray(patInventory.id, [...ids])));
  const tokenOf = new Map(known.map((row) => [row.id, row.tokenId]));
  const rows = known.length ? await findListedByTokenIds(org, kind, [...new Set(known.map((row) => row.tokenId))], client) : [];
  const wanted = new Set(ids);
  const listed = new Map(rows.filter((row) => wanted.has(row.id) && tokenOf.get(row.id) === row.tokenId).map((row) => [row.id, row]));
  return {
    listed,
    notListed: ids.filter((id) => tokenOf.has(id) && !listed.has(id)),
    unknown: ids.filter((id) => !tokenOf.has(id)),
  };
}
