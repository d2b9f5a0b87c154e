// Runs in its own process (bench/inventory-query.ts forks it with the react-server condition, so
// Grantdesk's server modules load outside Next): fills an embedded PGlite and, when given one, a
// PostgreSQL database with the large org's 100,000 tokens through the inventory's own sync, then
// times org-wide list queries (lib/inventory/list-inventory.ts: filtered, sorted, counted pages
// of 100) against a plain `SELECT … LIMIT 100` on the same engine.
import { rmSync } from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import type { InventoryFilters, InventorySort } from "@/lib/contract/inventory";
import { patInventory } from "@/lib/db/inventory-schema";
import { openDatabase, type OpenDatabase } from "@/lib/db/open-database";
import { createGitHubClient } from "@/lib/github/create-github-client";
import { listInventory } from "@/lib/inventory/list-inventory";
import { syncList, type SyncOutcome } from "@/lib/inventory/sync-list";

export interface QueryChildInput {
  fakeUrl: string;
  appId: number;
  privateKeyPem: string;
  org: string;
  pgliteDir: string;
  postgresUrl: string | null;
  rounds: number;
}

export interface QueryTimings {
  /** Which engine, in which state ("PGlite", "PGlite after VACUUM ANALYZE", "PostgreSQL"). */
  engine: string;
  /** Every timing of each query, ms, in run order. */
  queries: Record<string, number[]>;
  floor: number[];
  /** Rows each query matched (its count). */
  totals: Record<string, number>;
}

export interface QueryChildOutput {
  syncs: { engine: string; outcome: SyncOutcome; ms: number }[];
  timings: QueryTimings[];
  analyzeMs: Record<string, number>;
}

/** What the tokens page asks for: its default page and the filters and sorts owners use, each with its count. */
const QUERIES: Record<string, { filters: InventoryFilters; sort: InventorySort; page: number }> = {
  "default page (newest first)": { filters: {}, sort: { column: "listed", direction: "desc" }, page: 1 },
  "expired, by last use": { filters: { signals: ["expired"] }, sort: { column: "last-used", direction: "desc" }, page: 1 },
  "no expiry + write/admin, by owner": { filters: { signals: ["no-expiry", "elevated"] }, sort: { column: "owner", direction: "asc" }, page: 1 },
  "unused 90 days, by expiry, page 5": { filters: { unusedDays: 90 }, sort: { column: "expires", direction: "asc" }, page: 5 },
  "permission contents_write, page 3": { filters: { permission: "contents_write" }, sort: { column: "listed", direction: "desc" }, page: 3 },
  "search 'deploy', by expiry": { filters: { search: "deploy" }, sort: { column: "expires", direction: "asc" }, page: 1 },
  "two owners": { filters: { owner: ["mona", "hubot"] }, sort: { column: "listed", direction: "desc" }, page: 1 },
  "all repositories + never used, oldest first": { filters: { signals: ["all-repositories", "never-used"] }, sort: { column: "listed", direction: "asc" }, page: 1 },
};
const PER_PAGE = 100;

async function timeQueries(engine: string, opened: OpenDatabase, org: string, rounds: number): Promise<QueryTimings> {
  const now = new Date();
  const timings: QueryTimings = { engine, queries: Object.fromEntries(Object.keys(QUERIES).map((name) => [name, []])), floor: [], totals: {} };
  const floor = () => opened.db.select().from(patInventory).where(and(eq(patInventory.org, org), eq(patInventory.kind, "tokens"))).limit(PER_PAGE);
  // Round 0 warms caches and plans and is not kept; then the queries take turns, so a burst of
  // other work on the machine weighs on all of them alike.
  for (let round = 0; round <= rounds; round++) {
    for (const [name, query] of Object.entries(QUERIES)) {
      const started = performance.now();
      const page = await listInventory(opened.db, org, "tokens", { ...query, perPage: PER_PAGE }, { now });
      const ms = performance.now() - started;
      if (round > 0) timings.queries[name]!.push(ms);
      timings.totals[name] = page.total;
    }
    const started = performance.now();
    const rows = await floor();
    if (round > 0) timings.floor.push(performance.now() - started);
    if (rows.length !== PER_PAGE) throw new Error(`${engine}: the floor query answered ${rows.length} rows`);
  }
  return timings;
}

async function run(input: QueryChildInput): Promise<QueryChildOutput> {
  const client = createGitHubClient({ apiUrl: input.fakeUrl, appId: String(input.appId), privateKey: input.privateKeyPem, timeoutMs: 30_000 });
  rmSync(input.pgliteDir, { recursive: true, force: true });
  const engines: [string, OpenDatabase][] = [["PGlite", await openDatabase({ dataDir: input.pgliteDir })]];
  if (input.postgresUrl) engines.push(["PostgreSQL", await openDatabase({ databaseUrl: input.postgresUrl, dataDir: "unused" })]);
  const output: QueryChildOutput = { syncs: [], timings: [], analyzeMs: {} };
  try {
    // Filled through the inventory's own sync (the dashboard's path), one after the other: a
    // server holds one engine, and PGlite's queries run on this thread, stalling PostgreSQL's
    // client beside it.
    for (const [engine, opened] of engines) {
      const started = performance.now();
      const outcome = await syncList(input.org, "tokens", { database: opened.db, client, owner: "bench" });
      if (outcome.status !== "done") throw new Error(`${engine}: the sync ended ${JSON.stringify(outcome).slice(0, 500)}`);
      output.syncs.push({ engine, outcome, ms: Math.round(performance.now() - started) });
    }
    const analyze = async (engine: string, opened: OpenDatabase, statement: string) => {
      const started = performance.now();
      await opened.db.execute(sql.raw(statement));
      output.analyzeMs[engine] = Math.round(performance.now() - started);
    };
    for (const [engine, opened] of engines) {
      if (engine === "PGlite") {
        // As the dashboard leaves it: PGlite runs no autovacuum, so nothing ever analyzes the table.
        output.timings.push(await timeQueries("PGlite", opened, input.org, input.rounds));
        // What one VACUUM ANALYZE after a sync would buy (not something Grantdesk does today).
        await analyze("PGlite after VACUUM ANALYZE", opened, "VACUUM ANALYZE pat_inventory");
        output.timings.push(await timeQueries("PGlite after VACUUM ANALYZE", opened, input.org, input.rounds));
      } else {
        // PostgreSQL's autovacuum analyzes a table this changed within a minute or so of the sync;
        // the bench does it at once instead of waiting for it.
        await analyze("PostgreSQL", opened, "ANALYZE pat_inventory");
        output.timings.push(await timeQueries("PostgreSQL", opened, input.org, input.rounds));
      }
    }
    return output;
  } finally {
    for (const [, opened] of engines) await opened.close().catch(() => undefined);
  }
}

process.once("message", (input: QueryChildInput) => {
  run(input).then(
    (output) => process.send!({ output }, () => process.exit(0)),
    (error: unknown) => process.send!({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1)),
  );
});
// The parent going away (Ctrl-C, crash) ends this too.
process.once("disconnect", () => process.exit(1));
