// 6. Memory (and 10. on the large stack): the dashboard server's resident memory before and after
// 20,000 API calls. Growth that survives a pause is what a long-running server would keep
// accumulating (caches without a bound, listeners, per-request state left behind).
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

// With 100,000 tokens synced. An org-wide page of tokens costs the embedded database a count over
// the whole org (hundreds of ms on PGlite, which answers one query at a time), so 20,000 of them
// would take hours: 2 calls in 40 are org-wide token reads (the tokens page and its facet counts),
// the others the 5,000 requests (pages, sizes, filters, sorts, search, facets), the inventory's
// status and the job history, which the pages also ask for. 8 clients, not 32: queued behind
// PGlite, 32 would wait past autocannon's 10 s timeout.
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

  // Every route module loaded and compiled first: loading code once is not growth.
  const warmUp = await runLoad({ ...load, amount: WARM_UP_CALLS, stopAfterSeconds: run.capSeconds / 4 });
  await sleep(SETTLE_MS);
  const before = readRssBytes(pid);

  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, readRssBytes(pid))), 500);
  const started = Date.now();
  const result = await runLoad({ ...load, amount: CALLS, stopAfterSeconds: run.capSeconds }).finally(() => clearInterval(sampler));
  const loadSeconds = (Date.now() - started) / 1000;
  ledger.dashboardApiCalls += warmUp.requests + result.requests;

  await sleep(SETTLE_MS);
  const after = readRssBytes(pid);
  const growthMb = (after - before) / MB;

  const complete = result.requests >= CALLS;
  const growth = figure(
    run.benchmark,
    `RSS growth after ${CALLS.toLocaleString("en")} calls`,
    round(growthMb, 1),
    "MB",
    atMost(50),
    `${round(after / MB, 1)} MB after, peak ${round(peak / MB, 1)} MB${complete ? "" : `; only ${result.requests.toLocaleString("en")} calls within ${run.capSeconds} s`}`,
  );
  // Fewer calls than the budget names prove nothing either way.
  if (!complete) growth.pass = false;
  const figures: Figure[] = [figure(run.benchmark, run.rssFigure ?? "next-server RSS before", round(before / MB, 1), "MB"), growth];
  return {
    figures,
    details: {
      pid,
      calls: result.requests,
      loadSeconds: round(loadSeconds, 1),
      requestsPerSecond: round(result.requestsPerSecond, 1),
      latencyMs: result.latencyMs,
      rssBytes: { before, peak, after },
      paths: run.paths,
    },
  };
}
