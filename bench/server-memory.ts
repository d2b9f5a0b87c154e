// 6. Memory (and 10. on the large stack): the dashboard server's resident memory over two runs of
// 20,000 API calls after a warm-up. Growth that survives a pause is what a long-running server
// would keep accumulating (caches without a bound, listeners, per-request state left behind); the
// first run also grows the heap to its working size under the load, so the budget is read on the
// second, and the first is reported.
import { setTimeout as sleep } from "node:timers/promises";
import { dashboardHeaders, ORG, type BenchStack } from "./bench-stack";
import { atMost, figure, round, type BenchmarkResult, type Figure } from "./figures";
import { runLoad } from "./load";
import { findNextServerPid, readRssBytes } from "./process-stats";
import type { RunLedger } from "./run-ledger";

const CALLS = 20_000;
const WARM_UP_CALLS = 1_000;
/** Long enough for keep-alive sockets to close (5 s) and V8 to collect while idle. */
const SETTLE_MS = 6_000;
const MB = 1024 * 1024;

export interface MemoryRun {
  benchmark: string;
  /** Request paths, cycled through by every connection in turn. */
  paths: string[];
  /** Closed-loop clients. */
  connections: number;
  /** Stop the 20,000 calls after this long on a slow machine (the figure then says how many were made, and fails). */
  capSeconds: number;
  /** Also report the RSS before the calls as a figure of its own, with this name. */
  rssFigure?: string;
}

// Distinct pages, sizes and filters, as people browsing would ask (mostly at the pages' default
// size of 30): a cache keyed by URL, or per-request state left behind, would show here.
export const MAIN_MEMORY_RUN: MemoryRun = {
  benchmark: "6. Memory",
  paths: [
    ...[1, 2, 3, 4].map((page) => `/api/orgs/${ORG}/tokens?page=${page}`),
    ...[1, 2].map((page) => `/api/orgs/${ORG}/tokens?per_page=100&page=${page}`),
    ...[1, 2, 3].map((page) => `/api/orgs/${ORG}/requests?page=${page}`),
    `/api/orgs/${ORG}/requests?per_page=100`,
    `/api/orgs/${ORG}/tokens?permission=contents_write&direction=asc`,
    `/api/orgs/${ORG}/requests?permission=issues_write&per_page=50`,
  ],
  connections: 32,
  capSeconds: 600,
};

// With 100,000 tokens synced: 2 calls in 40 are org-wide token reads (the tokens page and its facet
// counts), the others the 5,000 requests (pages, sizes, filters, sorts, search, facets), the
// inventory's status and the job history, which the pages also ask for. Answers are kept per rows
// version of the lists (lib/inventory/read-cache.ts), so most calls are served from memory; each
// minute ("now" of the time-dependent filters) and each sync that changes a list makes them read
// anew. 8 clients (the run was sized when every call read PGlite, which answers one at a time).
const REQUEST_FILTERS = [
  "signal=elevated",
  "signal=no-expiry",
  "signal=expiring-7",
  "signal=never-used",
  "signal=all-repositories",
  "q=deploy",
  "q=ci",
  "owner=mona",
  "permission=issues_write",
  "sort=owner&direction=asc",
  "sort=expires",
  "sort=last-used",
  "direction=asc",
];
export const LARGE_MEMORY_RUN: MemoryRun = {
  benchmark: "10. Memory, 100,000 tokens",
  paths: [
    `/api/orgs/${ORG}/tokens`,
    ...Array.from({ length: 14 }, (_, index) => `/api/orgs/${ORG}/requests?page=${index + 1}`),
    ...Array.from({ length: 5 }, (_, index) => `/api/orgs/${ORG}/requests?per_page=100&page=${index + 1}`),
    `/api/orgs/${ORG}/inventory`,
    `/api/orgs/${ORG}/tokens/facets?signal=expired`,
    ...REQUEST_FILTERS.map((filter) => `/api/orgs/${ORG}/requests?${filter}`),
    `/api/orgs/${ORG}/requests/facets`,
    `/api/orgs/${ORG}/inventory`,
    `/api/orgs/${ORG}/jobs`,
    `/api/orgs/${ORG}/inventory`,
    `/api/orgs/${ORG}/jobs?page=2`,
  ],
  connections: 8,
  capSeconds: 900,
  rssFigure: "next-server RSS with 100,000 tokens and 5,000 requests synced",
};

export async function measureServerMemory(stack: BenchStack, ledger: RunLedger, run: MemoryRun): Promise<BenchmarkResult> {
  const pid = findNextServerPid(stack.appPid);
  const load = { baseUrl: stack.appUrl, paths: run.paths, headers: dashboardHeaders(stack), connections: run.connections };
  const calls = async () => {
    let peak = readRssBytes(pid);
    const sampler = setInterval(() => (peak = Math.max(peak, readRssBytes(pid))), 500);
    const started = Date.now();
    const result = await runLoad({ ...load, amount: CALLS, stopAfterSeconds: run.capSeconds }).finally(() => clearInterval(sampler));
    const seconds = (Date.now() - started) / 1000;
    await sleep(SETTLE_MS);
    return { result, seconds, peak, rss: readRssBytes(pid) };
  };

  // Every route module loaded and compiled first: loading code once is not growth.
  const warmUp = await runLoad({ ...load, amount: WARM_UP_CALLS, stopAfterSeconds: run.capSeconds / 4 });
  await sleep(SETTLE_MS);
  const start = readRssBytes(pid);
  // The first 20,000 calls grow the heap to what this load keeps in use (V8 keeps the pages of a
  // heap it grew under a fast stream of calls: in one run on 30 Nov a full GC after them gave back
  // a third of the growth, and the live JS heap was 65 MB); the next 20,000 show what keeps
  // accumulating.
  const first = await calls();
  const next = await calls();
  ledger.dashboardApiCalls += warmUp.requests + first.result.requests + next.result.requests;

  const mb = (bytes: number) => round(bytes / MB, 1);
  const complete = first.result.requests >= CALLS && next.result.requests >= CALLS;
  const growth = figure(
    run.benchmark,
    `RSS growth over the next ${CALLS.toLocaleString("en")} calls`,
    mb(next.rss - first.rss),
    "MB",
    atMost(50),
    `${mb(first.rss)} → ${mb(next.rss)} MB, peak ${mb(next.peak)} MB${complete ? "" : `; only ${first.result.requests + next.result.requests} calls within the time allowed`}`,
  );
  // Fewer calls than the budget names prove nothing either way.
  if (!complete) growth.pass = false;
  const figures: Figure[] = [
    figure(run.benchmark, run.rssFigure ?? "next-server RSS after the warm-up", mb(start), "MB"),
    figure(run.benchmark, `RSS growth over the first ${CALLS.toLocaleString("en")} calls (the heap growing to its working size)`, mb(first.rss - start), "MB", undefined, `${mb(start)} → ${mb(first.rss)} MB, peak ${mb(first.peak)} MB`),
    growth,
  ];
  return {
    figures,
    details: {
      pid,
      calls: first.result.requests + next.result.requests,
      rounds: [first, next].map(({ result, seconds, peak, rss }) => ({
        calls: result.requests,
        loadSeconds: round(seconds, 1),
        requestsPerSecond: round(result.requestsPerSecond, 1),
        latencyMs: result.latencyMs,
        peakRssBytes: peak,
        rssBytesAfter: rss,
      })),
      rssBytesAfterWarmUp: start,
      paths: run.paths,
    },
  };
}
