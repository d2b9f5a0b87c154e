// Runs in its own process (bench/inventory-query.ts forks it with the react-server condition, so
// Grantdesk's server modules load outside Next): fills an embedded PGlite and, when given one, a
// PostgreSQL database with the large org's 100,000 tokens through the inventory's own sync, then
// times org-wide list queries (lib/inventory/list-inventory.ts: filtered, sorted, counted pages
// of 100) against a plain `SELECT … LIMIT 100` on the same engine: each asked first (counted anew)
// and asked again (its count kept for the unchanged list: lib/inventory/read-cache.ts).
import { rmSync } from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import type { InventoryFilters, InventorySort } from "@/lib/contract/inventory";
import { patInventory } from "@/lib/db/inventory-schema";
import { openDatabase, type OpenDatabase } from "@/lib/db/open-database";
import { createGitHubClient } from "@/lib/github/create-github-client";
import { forgetReads } from "@/lib/inventory/read-cache";
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
  /** Which engine ("PGlite", "PostgreSQL"). */
  engine: string;
  /** Every timing of each query asked first (no count kept for it: counted anew), ms, in run order. */
  queries: Record<string, number[]>;
  /** Every timing of each query asked again at once (its count kept: the next page, the same filter again). */
  again: Record<string, number[]>;
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
  const empty = () => Object.fromEntries(Object.keys(QUERIES).map((name) => [name, [] as number[]]));
  const timings: QueryTimings = { engine, queries: empty(), again: empty(), floor: [], totals: {} };
  const floor = () => opened.db.select().from(patInventory).where(and(eq(patInventory.org, org), eq(patInventory.kind, "tokens"))).limit(PER_PAGE);
  const ask = async (query: (typeof QUERIES)[string]) => {
    const started = performance.now();
    const page = await listInventory(opened.db, org, "tokens", { ...query, perPage: PER_PAGE }, { now });
    return { ms: performance.now() - started, total: page.total };
  };
  // Round 0 warms the engine's caches and plans and is not kept; then the queries take turns, so
  // a burst of other work on the machine weighs on all of them alike. Each is asked first with no
  // count kept (as after every change to the list), then at once again (its count kept).
  for (let round = 0; round <= rounds; round++) {
    for (const [name, query] of Object.entries(QUERIES)) {
      forgetReads(opened.db);
      const first = await ask(query);
      const again = await ask(query);
      if (again.total !== first.total) throw new Error(`${engine}: ${name} counted ${first.total}, then ${again.total}`);
      if (round > 0) {
        timings.queries[name]!.push(first.ms);
        timings.again[name]!.push(again.ms);
      }
      timings.totals[name] = first.total;
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
      // PGlite as the sync left it (it vacuums and analyzes the embedded inventory after a sync
      // that wrote this many rows: lib/inventory/tidy-inventory.ts). PostgreSQL's autovacuum
      // vacuums and analyzes a table this changed (100,000 rows inserted) within a minute or so of
      // the sync; the bench does the same at once instead of waiting for it.
      if (engine === "PostgreSQL") await analyze("PostgreSQL", opened, "VACUUM ANALYZE pat_inventory");
      output.timings.push(await timeQueries(engine, opened, input.org, input.rounds));
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
