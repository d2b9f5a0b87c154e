// 1. Proxy overhead: the dashboard's token list against the same list straight from fake-github,
// under the same load (32 closed-loop clients, 50 ms upstream latency). The two are measured in
// alternating slices, so other work on the machine weighs on both alike. Since the inventory
// (issue 13) the dashboard answers its list from its own database, not by asking GitHub per
// request: the figure compares what an owner waits for with either, no longer a proxy's cost.
import { dashboardHeaders, githubHeaders, ORG, UPSTREAM_LATENCY_MS, type BenchStack } from "./bench-stack";
import { atMost, figure, round, type BenchmarkResult } from "./figures";
import { runLoad, runLoadSlice, summarize, type LoadOptions, type LoadResult, type LoadSlice } from "./load";
import { findNextServerPid, readCpuMs } from "./process-stats";
import type { RunLedger } from "./run-ledger";

const BENCHMARK = "1. Proxy overhead";
const CONNECTIONS = 32;
const WARM_UP_SECONDS = 5;
/** 3 × 5 s = 15 s for each target. */
const SLICES = 3;
const SLICE_SECONDS = 5;

type Target = Omit<LoadOptions, "connections" | "durationSeconds" | "amount">;

interface Measured extends LoadResult {
  /** CPU the dashboard's server and the bench's process (fake-github) spent per request. */
  cpuMsPerRequest: { dashboard: number; fakeGitHub: number };
}

export async function measureProxyOverhead(stack: BenchStack, ledger: RunLedger): Promise<BenchmarkResult> {
  const serverPid = findNextServerPid(stack.appPid);
  const direct: Target = { baseUrl: stack.fake.url, paths: [`/orgs/${ORG}/personal-access-tokens?per_page=100`], headers: githubHeaders(stack) };
  const dashboard: Target = { baseUrl: stack.appUrl, paths: [`/api/orgs/${ORG}/tokens?per_page=100`], headers: dashboardHeaders(stack) };

  // JIT, connection pools, the owner check and the installation token all warm before measuring.
  await runLoad({ ...direct, connections: CONNECTIONS, durationSeconds: WARM_UP_SECONDS });
  const warmUp = await runLoad({ ...dashboard, connections: CONNECTIONS, durationSeconds: WARM_UP_SECONDS });

  const viaGitHub = new SliceLog(serverPid);
  const viaDashboard = new SliceLog(serverPid);
  for (let slice = 0; slice < SLICES; slice++) {
    await viaGitHub.run(direct);
    await viaDashboard.run(dashboard);
  }
  const github = viaGitHub.result();
  const proxied = viaDashboard.result();
  ledger.dashboardApiCalls += warmUp.requests + proxied.requests;

  return {
    figures: [
      ...latencyFigures("GitHub direct", github),
      ...latencyFigures("dashboard", proxied),
      figure(BENCHMARK, "p95 ratio, dashboard / GitHub", round(proxied.latencyMs.p95 / github.latencyMs.p95), "×", atMost(1.1)),
    ],
    details: {
      connections: CONNECTIONS,
      secondsEach: SLICES * SLICE_SECONDS,
      upstreamLatencyMs: UPSTREAM_LATENCY_MS,
      github,
      dashboard: proxied,
    },
  };
}

/** One target's slices, with the CPU the two servers spent on them. */
class SliceLog {
  private readonly slices: LoadSlice[] = [];
  private dashboardCpuMs = 0;
  private benchCpuMs = 0;

  constructor(private readonly serverPid: number) {}

  async run(target: Target): Promise<void> {
    const serverCpu = readCpuMs(this.serverPid);
    const ownCpu = process.cpuUsage();
    this.slices.push(await runLoadSlice({ ...target, connections: CONNECTIONS, durationSeconds: SLICE_SECONDS }));
    const own = process.cpuUsage(ownCpu);
    this.dashboardCpuMs += readCpuMs(this.serverPid) - serverCpu;
    this.benchCpuMs += (own.user + own.system) / 1000;
  }

  result(): Measured {
    const summary = summarize(this.slices);
    const perRequest = (ms: number) => round(ms / summary.requests);
    return { ...summary, cpuMsPerRequest: { dashboard: perRequest(this.dashboardCpuMs), fakeGitHub: perRequest(this.benchCpuMs) } };
  }
}

function latencyFigures(target: string, result: Measured) {
  const throughput = `${result.requestsPerSecond.toFixed(0)} req/s`;
  return (["p50", "p95", "p99"] as const).map((p) => figure(BENCHMARK, `${target} ${p}`, round(result.latencyMs[p], 1), "ms", undefined, throughput));
}
