// 2. Token mints: installation tokens the dashboard minted (fake-github's log) per 1,000 calls
// the bench made to its API, over the whole run — one process-wide token cache means about one
// mint per hour, however many calls.
import { atMost, figure, round, type BenchmarkResult } from "./figures";
import type { RunLedger } from "./run-ledger";

const BENCHMARK = "2. Token mints";

export async function measureTokenMints(ledger: RunLedger): Promise<BenchmarkResult> {
  await ledger.readUpstream();
  const calls = ledger.dashboardApiCalls;
  // No calls means the benchmarks before this one failed: there is nothing to divide by.
  const perThousand = calls === 0 ? null : round((ledger.tokenMints * 1000) / calls, 3);
  return {
    figures: [
      figure(BENCHMARK, "installation tokens minted per 1,000 API calls", perThousand, "", atMost(1), `${ledger.tokenMints} over ${calls.toLocaleString("en")} calls`),
    ],
    details: { tokenMints: ledger.tokenMints, dashboardApiCalls: ledger.dashboardApiCalls, upstreamCalls: ledger.upstreamCalls },
  };
}
