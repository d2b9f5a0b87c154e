// 2. Token mints: installation tokens the dashboards minted (fake-github's log) per 1,000 calls
// the bench made to their API, over the whole run — one process-wide token cache means about one
// mint per hour, however many calls.
import { atMost, figure, round, type BenchmarkResult } from "./figures";
import type { RunLedger } from "./run-ledger";

const BENCHMARK = "2. Token mints";

export async function measureTokenMints(ledgers: RunLedger[]): Promise<BenchmarkResult> {
  const calls = ledgers.reduce((sum, ledger) => sum + ledger.dashboardApiCalls, 0);
  const mints = ledgers.reduce((sum, ledger) => sum + ledger.tokenMints, 0);
  const upstreamCalls = ledgers.reduce((sum, ledger) => sum + ledger.upstreamCalls, 0);
  // No calls means the benchmarks before this one failed: there is nothing to divide by.
  const perThousand = calls === 0 ? null : round((mints * 1000) / calls, 3);
  return {
    figures: [
      figure(BENCHMARK, "installation tokens minted per 1,000 API calls", perThousand, "", atMost(1), `${mints} over ${calls.toLocaleString("en")} calls (${ledgers.length} dashboard${ledgers.length === 1 ? "" : "s"})`),
    ],
    details: { tokenMints: mints, dashboardApiCalls: calls, upstreamCalls },
  };
}
