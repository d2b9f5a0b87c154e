// 9. Inventory queries: a filtered, sorted, counted page of 100 rows from the 100,000-token
// inventory, on PGlite and on PostgreSQL in the same run, against a plain `SELECT … LIMIT 100`
// on the same engine as the floor. Timed in a child process (bench/inventory-query-child.ts)
// that fills both engines through the inventory's own sync from the large stack's fake-github;
// then the same filters through the dashboard's route (its PGlite, HTTP and the owner check
// included), for comparison.
import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { OUT_DIR, dashboardHeaders, ORG, type BenchStack } from "./bench-stack";
import type { BenchPostgres } from "./bench-postgres";
import { atMost, figure, percentile, round, type BenchmarkResult, type Figure } from "./figures";
import type { QueryChildInput, QueryChildOutput, QueryTimings } from "./inventory-query-child";
import type { RunLedger } from "./run-ledger";

const BENCHMARK = "9. Inventory queries";
const CHILD = fileURLToPath(new URL("./inventory-query-child.ts", import.meta.url));
const ROUNDS = 20;
const ROUTE_ROUNDS = 10;
const HARD_DEADLINE_MS = 25 * 60_000;
const BUDGET_MS = 50;
/** The engines the budget holds for. */
const BUDGETED = new Set(["PGlite", "PostgreSQL"]);

/** The same queries as the child's, as the route takes them (per_page=100). */
const ROUTE_QUERIES: Record<string, string> = {
  "default page (newest first)": "",
  "expired, by last use": "signal=expired&sort=last-used&direction=desc",
  "no expiry + write/admin, by owner": "signal=no-expiry&signal=elevated&sort=owner&direction=asc",
  "unused 90 days, by expiry, page 5": "unused_days=90&sort=expires&direction=asc&page=5",
  "permission contents_write, page 3": "permission=contents_write&page=3",
  "search 'deploy', by expiry": "q=deploy&sort=expires&direction=asc",
  "two owners": "owner=mona&owner=hubot",
  "all repositories + never used, oldest first": "signal=all-repositories&signal=never-used&direction=asc",
};

export async function measureInventoryQueries(stack: BenchStack, ledger: RunLedger, postgres: BenchPostgres): Promise<BenchmarkResult> {
  const output = await runChild({
    fakeUrl: stack.fake.url,
    appId: stack.fake.appId,
    privateKeyPem: stack.fake.appPrivateKeyPem,
    org: ORG,
    pgliteDir: path.join(OUT_DIR, "query-pglite"),
    postgresUrl: postgres.url,
    rounds: ROUNDS,
  });
  const figures: Figure[] = [];
  const details: Record<string, unknown> = { rounds: ROUNDS, perPage: 100, syncs: output.syncs, analyzeMs: output.analyzeMs };
  for (const timings of output.timings) {
    const { figures: engineFigures, summary } = engineResult(timings);
    figures.push(...engineFigures);
    details[timings.engine] = summary;
  }
  if (postgres.url === null) {
    figures.push(figure(BENCHMARK, `PostgreSQL: p95, filtered sorted counted page of 100, asked first`, null, "ms", atMost(BUDGET_MS), `not measured: ${postgres.why}`));
  } else {
    details.postgres = postgres.source;
  }

  const route = await timeRoute(stack);
  ledger.dashboardApiCalls += route.calls;
  figures.push(figure(BENCHMARK, "dashboard route (PGlite, HTTP): p95, same queries", round(route.p95, 1), "ms", undefined, `slowest: ${route.slowest}`));
  details.route = route.perQuery;
  return { figures, details };
}

function stats(queries: Record<string, number[]>, totals: Record<string, number>) {
  const all = Object.values(queries).flat();
  const perQuery = Object.fromEntries(
    Object.entries(queries).map(([name, values]) => [name, { p50: round(percentile(values, 50), 1), p95: round(percentile(values, 95), 1), matches: totals[name] }]),
  );
  const [slowest, slowestStats] = Object.entries(perQuery).sort((a, b) => b[1].p95 - a[1].p95)[0]!;
  return { all, p50: percentile(all, 50), p95: percentile(all, 95), perQuery, slowest: `${slowest} (p95 ${slowestStats.p95} ms)` };
}

function engineResult(timings: QueryTimings): { figures: Figure[]; summary: Record<string, unknown> } {
  const first = stats(timings.queries, timings.totals);
  const again = stats(timings.again, timings.totals);
  const floorP95 = percentile(timings.floor, 95);
  const engine = timings.engine;
  const budget = BUDGETED.has(engine) ? atMost(BUDGET_MS) : undefined;
  const kinds = Object.keys(timings.queries).length;
  return {
    figures: [
      figure(BENCHMARK, `${engine}: p95, filtered sorted counted page of 100, asked first`, round(first.p95, 1), "ms", budget, `${first.all.length} queries of ${kinds} kinds, each counted anew; slowest: ${first.slowest}`),
      figure(BENCHMARK, `${engine}: p95, the same asked again (count kept)`, round(again.p95, 1), "ms", budget, `slowest: ${again.slowest}`),
      figure(BENCHMARK, `${engine}: floor p95 (SELECT … LIMIT 100)`, round(floorP95, 1), "ms"),
      figure(BENCHMARK, `${engine}: p95 ratio, asked first / floor`, round(first.p95 / floorP95, 1), "×"),
    ],
    summary: {
      first: { p50: round(first.p50, 1), p95: round(first.p95, 1), perQuery: first.perQuery },
      again: { p50: round(again.p50, 1), p95: round(again.p95, 1), perQuery: again.perQuery },
      floorP50: round(percentile(timings.floor, 50), 1),
      floorP95: round(floorP95, 1),
    },
  };
}

/** The same filters through the dashboard, one at a time, in turns. */
async function timeRoute(stack: BenchStack): Promise<{ p95: number; slowest: string; calls: number; perQuery: Record<string, { p50: number; p95: number }> }> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(ROUTE_QUERIES).map((name) => [name, []]));
  let calls = 0;
  for (let round = 0; round <= ROUTE_ROUNDS; round++) {
    for (const [name, query] of Object.entries(ROUTE_QUERIES)) {
      const started = performance.now();
      const response = await fetch(`${stack.appUrl}/api/orgs/${ORG}/tokens?per_page=100${query ? `&${query}` : ""}`, {
        headers: dashboardHeaders(stack),
        signal: AbortSignal.timeout(60_000),
      });
      const body = await response.text();
      calls += 1;
      if (!response.ok) throw new Error(`route ${name}: ${response.status} ${body}`);
      if (round > 0) times[name]!.push(performance.now() - started);
    }
  }
  const perQuery = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, { p50: round(percentile(values, 50), 1), p95: round(percentile(values, 95), 1) }]));
  const slowest = Object.entries(perQuery).sort((a, b) => b[1].p95 - a[1].p95)[0]!;
  return { p95: percentile(Object.values(times).flat(), 95), slowest: `${slowest[0]} (p95 ${slowest[1].p95} ms)`, calls, perQuery };
}

/** Runs the child with Grantdesk's server modules loadable (`server-only` resolves to its empty module under react-server). */
function runChild(input: QueryChildInput): Promise<QueryChildOutput> {
  const child = fork(CHILD, { execArgv: [...process.execArgv, "--conditions=react-server"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise<QueryChildOutput>((resolve, reject) => {
    const deadline = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the query benchmark did not finish within ${HARD_DEADLINE_MS / 60_000} min`));
    }, HARD_DEADLINE_MS);
    child.once("message", (message: { output?: QueryChildOutput; error?: string }) => {
      clearTimeout(deadline);
      if (message.error !== undefined || !message.output) return reject(new Error(`query benchmark: ${message.error}`));
      resolve(message.output);
    });
    child.once("exit", (code) => {
      clearTimeout(deadline);
      reject(new Error(`the query benchmark's process exited with code ${code} before answering`));
    });
    child.send(input);
  });
}
