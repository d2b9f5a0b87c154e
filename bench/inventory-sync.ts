// 8. Inventory sync, on the large stack (acme: 100,000 tokens, 5,000 pending requests; 50 ms
// GitHub latency). The first sync starts with the dashboard: a complete pass over both lists at
// per_page=100 costs at most ⌈N/100⌉ list calls each. Then "Refresh now" re-syncs the unchanged
// org, twice: every page is asked for with its ETag and answered 304, which costs no rate limit.
// Counted in fake-github's log; wall times from the dashboard's start (or the refresh) to the
// end of the pass it reports.
import { setTimeout as sleep } from "node:timers/promises";
import type { LogEntry } from "@/fake-github/request-log";
import type { InventoryStatus } from "@/lib/contract/inventory";
import { dashboardJson, ORG, UPSTREAM_LATENCY_MS, waitForInventory, type BenchStack } from "./bench-stack";
import { atMost, exactly, figure, round, type BenchmarkResult, type Figure } from "./figures";
import type { RunLedger } from "./run-ledger";

const BENCHMARK = "8. Inventory sync";
const PER_PAGE = 100;
const FIRST_SYNC_TIMEOUT_MS = 20 * 60_000;
const RESYNC_TIMEOUT_MS = 10 * 60_000;
const LISTS = {
  requests: `/orgs/${ORG}/personal-access-token-requests`,
  tokens: `/orgs/${ORG}/personal-access-tokens`,
} as const;
type Kind = keyof typeof LISTS;
const KINDS: Kind[] = ["requests", "tokens"];

/** A list's page reads (not the `token_id[]` look-ups that confirm rows gone), up to `until`. */
function pageReads(entries: LogEntry[], kind: Kind, from: number, until: number): LogEntry[] {
  return entries.filter((entry) => {
    const time = Date.parse(entry.time);
    return entry.method === "GET" && entry.path === LISTS[kind] && !/(^|&)token_id/.test(entry.query) && time >= from && time <= until;
  });
}

export async function measureInventorySync(stack: BenchStack, ledger: RunLedger): Promise<BenchmarkResult> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = { world: stack.spec.world, upstreamLatencyMs: UPSTREAM_LATENCY_MS };
  const size: Record<Kind, number> = { requests: stack.spec.world.requests, tokens: stack.spec.world.tokens };

  // The first sync: the dashboard started it as it came up.
  const first = await waitForInventory(stack, stack.appStartedAt, FIRST_SYNC_TIMEOUT_MS);
  const firstLog = await ledger.readUpstream();
  const firstDetails: Record<string, unknown> = {};
  for (const kind of KINDS) {
    const reads = pageReads(firstLog, kind, stack.appStartedAt, first[kind]);
    const began = reads.length > 0 ? Date.parse(reads[0]!.time) : Number.NaN;
    const wallSeconds = (first[kind] - began) / 1000;
    const floor = Math.ceil(size[kind] / PER_PAGE);
    figures.push(
      figure(BENCHMARK, `first sync, ${size[kind].toLocaleString("en")} ${kind}: GitHub list calls`, reads.length, "", atMost(floor), `⌈N/100⌉ = ${floor.toLocaleString("en")}`),
      figure(BENCHMARK, `first sync, ${kind}: wall time`, round(wallSeconds, 1), "s", undefined, `${round(reads.length / wallSeconds, 0)} pages/s`),
    );
    firstDetails[kind] = { listCalls: reads.length, wallMs: first[kind] - began, firstCallAt: reads[0]?.time, syncedAt: new Date(first[kind]).toISOString(), status: first.status[kind] };
  }
  firstDetails.fromDashboardStartMs = Math.max(first.requests, first.tokens) - stack.appStartedAt;
  details.firstSync = firstDetails;

  // Re-syncs of the unchanged org, once nothing is syncing. The first one after the first sync
  // also reads the page after each list's last full page (a full page answered 304 cannot say
  // whether the list grew past it), which is empty and not yet cached: 1 call per such list
  // charged, once. The second re-sync is every later one.
  for (const pass of [1, 2]) {
    await waitUntilIdle(stack);
    const refreshedAt = Date.now();
    await dashboardJson<InventoryStatus>(stack, `/api/orgs/${ORG}/inventory/sync`, { method: "POST" });
    ledger.dashboardApiCalls += 1;
    const again = await waitForInventory(stack, refreshedAt, RESYNC_TIMEOUT_MS);
    const againLog = await ledger.readUpstream();
    const resyncDetails: Record<string, unknown> = {};
    let charged = 0;
    let calls = 0;
    const chargedCalls: string[] = [];
    for (const kind of KINDS) {
      const reads = pageReads(againLog, kind, refreshedAt, again[kind]);
      const fresh = reads.filter((entry) => !entry.notModified);
      charged += fresh.length;
      calls += reads.length;
      chargedCalls.push(...fresh.map((entry) => `${entry.method} ${entry.path}?${entry.query} ${entry.status}`));
      resyncDetails[kind] = { listCalls: reads.length, notModified: reads.length - fresh.length, wallMs: again[kind] - refreshedAt, status: again.status[kind] };
    }
    const wallSeconds = round((Math.max(again.requests, again.tokens) - refreshedAt) / 1000, 1);
    const label = pass === 1 ? "re-sync 1 (after the first sync)" : "re-sync 2 (steady state)";
    figures.push(
      figure(BENCHMARK, `${label}, unchanged org: wall time`, wallSeconds, "s", undefined, `both lists, ${calls.toLocaleString("en")} list calls`),
      figure(
        BENCHMARK,
        `${label}, unchanged org: calls charged to the rate limit (not 304)`,
        charged,
        "",
        exactly(0),
        `${calls.toLocaleString("en")} list calls, ${(calls - charged).toLocaleString("en")} answered 304${chargedCalls.length > 0 ? `; charged: ${chargedCalls.join(", ")}` : ""}`,
      ),
    );
    // Everything else the dashboard asked GitHub meanwhile (the owner check of the bench's status polls, other orgs).
    resyncDetails.otherCalls = againLog
      .filter((entry) => Date.parse(entry.time) <= Math.max(again.requests, again.tokens) && !KINDS.some((kind) => entry.path === LISTS[kind]))
      .map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
    resyncDetails.chargedCalls = chargedCalls;
    details[`resync${pass}`] = resyncDetails;
  }
  return { figures, details };
}

/** No list of the org is syncing (a re-sync measured beside a running one would mean nothing). */
async function waitUntilIdle(stack: BenchStack): Promise<void> {
  const deadline = Date.now() + RESYNC_TIMEOUT_MS;
  for (;;) {
    const status = await dashboardJson<InventoryStatus>(stack, `/api/orgs/${ORG}/inventory`);
    if (!status.requests.running && !status.tokens.running) return;
    if (Date.now() > deadline) throw new Error("the inventory kept syncing: no quiet moment to re-sync in");
    await sleep(500);
  }
}
