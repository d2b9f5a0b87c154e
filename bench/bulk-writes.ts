// 3. Bulk: review 1,000 requests and revoke 1,000 tokens through the dashboard's review and revoke
// routes. Each runs as a job on the server: GitHub takes 100 ids a call and asks for writes ≥ 1 s
// apart, so the floor is 10 calls: 9 gaps of 1 s plus 10 upstream latencies. The route waits up
// to 20 s for its job and answers every id's outcome; past that it answers the job, which the
// bench then follows as the page does. Measured: the write calls fake-github received, the wall
// time against that floor, and the reads that re-checked each chunk with GitHub before it went out.
import { setTimeout as sleep } from "node:timers/promises";
import type { BulkResult } from "@/lib/contract/bulk-result";
import type { JobSummary } from "@/lib/contract/jobs";
import { dashboardHeaders, githubHeaders, ORG, UPSTREAM_LATENCY_MS, type BenchStack } from "./bench-stack";
import { atMost, exactly, figure, round, type BenchmarkResult, type Figure } from "./figures";
import { followJob, gapsMs, recheckReads, writeCalls } from "./follow-job";
import type { RunLedger } from "./run-ledger";

const BENCHMARK = "3. Bulk";
const IDS = 1_000;
const IDS_PER_CALL = 100;
const WRITE_GAP_MS = 1_000;
const CALLS = IDS / IDS_PER_CALL;
const FLOOR_MS = (CALLS - 1) * WRITE_GAP_MS + CALLS * UPSTREAM_LATENCY_MS;

const OPERATIONS = [
  {
    name: "review",
    githubList: `/orgs/${ORG}/personal-access-token-requests`,
    route: `/api/orgs/${ORG}/requests/review`,
    body: (ids: number[]) => ({ ids, action: "deny", reason: "Benchmark: bulk review of 1,000 requests." }),
  },
  {
    name: "revoke",
    githubList: `/orgs/${ORG}/personal-access-tokens`,
    route: `/api/orgs/${ORG}/tokens/revoke`,
    body: (ids: number[]) => ({ ids, note: "Benchmark: bulk revoke of 1,000 tokens." }),
  },
];

export async function measureBulkWrites(stack: BenchStack, ledger: RunLedger): Promise<BenchmarkResult> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = { floorMs: FLOOR_MS, upstreamLatencyMs: UPSTREAM_LATENCY_MS };
  for (const operation of OPERATIONS) {
    const ids = await oldestIds(stack, operation.githubList);
    await ledger.readUpstream();
    // The previous operation's last write must not pace this one's first.
    await sleep(WRITE_GAP_MS + 200);

    const started = performance.now();
    const response = await fetch(`${stack.appUrl}${operation.route}`, {
      method: "POST",
      headers: dashboardHeaders(stack, true),
      body: JSON.stringify(operation.body(ids)),
      signal: AbortSignal.timeout(120_000),
    });
    ledger.dashboardApiCalls += 1;
    if (!response.ok) throw new Error(`bulk ${operation.name}: ${response.status} ${await response.text()}`);
    const answer = (await response.json()) as BulkResult | JobSummary;
    let accepted: number;
    let firstFailure: string | undefined;
    let followed = 0;
    if ("status" in answer) {
      // The job outlived the route's wait: follow it to its end, as the page does.
      const { job, polls } = await followJob(stack, answer.id, 120_000, 200);
      ledger.dashboardApiCalls += polls;
      followed = polls;
      accepted = job.accepted;
      firstFailure = job.lastError ?? undefined;
    } else {
      accepted = answer.accepted;
      firstFailure = answer.results.find((result) => !result.ok)?.error;
    }
    const wallMs = performance.now() - started;
    if (accepted !== IDS) throw new Error(`bulk ${operation.name}: ${accepted} of ${IDS} accepted; first failure: ${firstFailure}`);

    const log = await ledger.readUpstream();
    const writes = writeCalls(log, operation.githubList);
    const rechecks = recheckReads(log, operation.githubList);
    figures.push(
      figure(BENCHMARK, `${operation.name} 1,000: upstream write calls`, writes.length, "", exactly(CALLS)),
      figure(BENCHMARK, `${operation.name} 1,000: wall time / pacing floor`, round(wallMs / FLOOR_MS), "×", atMost(1.2), `${round(wallMs / 1000)} s vs ${FLOOR_MS / 1000} s`),
      figure(BENCHMARK, `${operation.name} 1,000: re-check read calls`, rechecks.length, "", undefined, "token_id[] look-ups, 50 ids a call"),
    );
    details[operation.name] = {
      wallMs: round(wallMs, 0),
      answeredWith: "status" in answer ? "job (followed)" : "outcomes",
      jobPolls: followed,
      writeCalls: writes.length,
      recheckReads: rechecks.length,
      // From fake-github's clock: when each write arrived, relative to the first, and the gaps.
      writeArrivalsMs: writes.map((entry) => Date.parse(entry.time) - Date.parse(writes[0]!.time)),
      writeGapsMs: gapsMs(writes),
    };
  }
  return { figures, details };
}

/** The ids of the oldest rows, read straight from fake-github so the dashboard's figures stay its own. */
async function oldestIds(stack: BenchStack, githubList: string): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ids.length < IDS; page++) {
    const response = await fetch(`${stack.fake.url}${githubList}?per_page=100&direction=asc&page=${page}`, { headers: githubHeaders(stack) });
    if (!response.ok) throw new Error(`bulk: listing ${githubList}: ${response.status}`);
    const rows = (await response.json()) as { id: number }[];
    if (rows.length === 0) throw new Error(`bulk: ${githubList} has only ${ids.length} rows; the bench needs ${IDS}`);
    ids.push(...rows.map((row) => row.id));
  }
  return ids.slice(0, IDS);
}
