// 6. Memory: the dashboard server's resident memory before and after 20,000 API calls. Growth
// that survives a pause is what a long-running server would keep accumulating (caches without a
// bound, listeners, per-request state left behind).
import { setTimeout as sleep } from "node:timers/promises";
import { dashboardHeaders, ORG, type BenchStack } from "./bench-stack";
import { atMost, figure, round, type BenchmarkResult } from "./figures";
import { runLoad } from "./load";
import { findNextServerPid, readRssBytes } from "./process-stats";
import type { RunLedger } from "./run-ledger";

const BENCHMARK = "6. Memory";
const CALLS = 20_000;
const WARM_UP_CALLS = 1_000;
const CONNECTIONS = 32;
/** Long enough for keep-alive sockets to close (5 s) and V8 to collect while idle. */
const SETTLE_MS = 6_000;
const MB = 1024 * 1024;

// Distinct pages, sizes and filters, as people browsing would ask (mostly at the pages' default
// size of 30): a cache keyed by URL, or per-request state left behind, would show here.
const PATHS = [
  ...[1, 2, 3, 4].map((page) => `/api/orgs/${ORG}/tokens?page=${page}`),
  ...[1, 2].map((page) => `/api/orgs/${ORG}/tokens?per_page=100&page=${page}`),
  ...[1, 2, 3].map((page) => `/api/orgs/${ORG}/requests?page=${page}`),
  `/api/orgs/${ORG}/requests?per_page=100`,
  `/api/orgs/${ORG}/tokens?permission=contents_write&direction=asc`,
  `/api/orgs/${ORG}/requests?permission=issues_write&per_page=50`,
];

export async function measureServerMemory(stack: BenchStack, ledger: RunLedger): Promise<BenchmarkResult> {
  const pid = findNextServerPid(stack.appPid);
  const load = { baseUrl: stack.appUrl, paths: PATHS, headers: dashboardHeaders(stack), connections: CONNECTIONS };

  // Every route module loaded and compiled first: loading code once is not growth.
  await runLoad({ ...load, amount: WARM_UP_CALLS });
  await sleep(SETTLE_MS);
  const before = readRssBytes(pid);

  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, readRssBytes(pid))), 500);
  const started = Date.now();
  const result = await runLoad({ ...load, amount: CALLS }).finally(() => clearInterval(sampler));
  const loadSeconds = (Date.now() - started) / 1000;
  ledger.dashboardApiCalls += WARM_UP_CALLS + result.requests;

  await sleep(SETTLE_MS);
  const after = readRssBytes(pid);
  const growthMb = (after - before) / MB;

  return {
    figures: [
      figure(BENCHMARK, "next-server RSS before", round(before / MB, 1), "MB"),
      figure(BENCHMARK, `RSS growth after ${CALLS.toLocaleString("en")} calls`, round(growthMb, 1), "MB", atMost(50), `${round(after / MB, 1)} MB after, peak ${round(peak / MB, 1)} MB`),
    ],
    details: {
      pid,
      calls: result.requests,
      loadSeconds: round(loadSeconds, 1),
      requestsPerSecond: round(result.requestsPerSecond, 1),
      rssBytes: { before, peak, after },
      paths: PATHS,
    },
  };
}
