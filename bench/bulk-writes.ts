// 3. Bulk: review 1,000 requests and revoke 1,000 tokens through the dashboard. GitHub takes 100
// ids a call and asks for writes ≥ 1 s apart, so the floor is 10 calls: 9 gaps of 1 s plus 10
// upstream latencies. Measured: the write calls fake-github received and the wall time against
// that floor.
import { setTimeout as sleep } from "node:timers/promises";
import type { LogEntry } from "@/fake-github/request-log";
import { dashboardHeaders, githubHeaders, ORG, UPSTREAM_LATENCY_MS, type BenchStack } from "./bench-stack";
import { atMost, exactly, figure, round, type BenchmarkResult, type Figure } from "./figures";
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

interface BulkAnswer {
  accepted: number;
  failed: number;
  results: { ok: boolean; error?: string }[];
}

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
    const wallMs = performance.now() - started;
    ledger.dashboardApiCalls += 1;
    if (!response.ok) throw new Error(`bulk ${operation.name}: ${response.status} ${await response.text()}`);
    const answer = (await response.json()) as BulkAnswer;
    if (answer.accepted !== IDS) {
      throw new Error(`bulk ${operation.name}: ${answer.accepted} of ${IDS} accepted; first failure: ${answer.results.find((result) => !result.ok)?.error}`);
    }

    const writes = writeCalls(await ledger.readUpstream(), operation.githubList);
    figures.push(
      figure(BENCHMARK, `${operation.name} 1,000: upstream write calls`, writes.length, "", exactly(CALLS)),
      figure(BENCHMARK, `${operation.name} 1,000: wall time / pacing floor`, round(wallMs / FLOOR_MS), "×", atMost(1.2), `${round(wallMs / 1000)} s vs ${FLOOR_MS / 1000} s`),
    );
    details[operation.name] = {
      wallMs: round(wallMs, 0),
      writeCalls: writes.length,
      // From fake-github's clock: when each write arrived, relative to the first.
      writeArrivalsMs: writes.map((entry) => Date.parse(entry.time) - Date.parse(writes[0]!.time)),
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

/** Review / revoke calls: the bulk endpoint and the single one (`…/{id}`). */
function writeCalls(entries: LogEntry[], githubList: string): LogEntry[] {
  const write = new RegExp(`^${githubList}(/\\d+)?$`);
  return entries.filter((entry) => entry.method === "POST" && write.test(entry.path));
}
