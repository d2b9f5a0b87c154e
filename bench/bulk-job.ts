// 11. Bulk job: revoke 10,000 tokens selected by a filter, on the large stack, the way an owner
// does it: "select all that match" freezes the matching ids as a draft (POST …/jobs/drafts), the
// owner confirms with the org's name typed (POST …/drafts/{id}/confirm), and the job panel
// follows the job (GET …/jobs/{id}, once a second) until it is done. GitHub takes 100 ids a call,
// ≥ 1 s apart: the floor is 99 gaps of 1 s plus the 100 write calls' upstream latencies as
// fake-github observed them (arrival to answer). The filter is "last used before T", with T chosen
// so that exactly 10,000 tokens match.
import type { CountedPage } from "@/lib/contract/inventory";
import type { JobDraft, JobSummary } from "@/lib/contract/jobs";
import type { PatTokenRow } from "@/lib/contract/pat-rows";
import { dashboardJson, ORG, UPSTREAM_LATENCY_MS, type BenchStack } from "./bench-stack";
import { atMost, exactly, figure, percentile, round, type BenchmarkResult } from "./figures";
import { followJob, gapsMs, recheckReads, writeCalls } from "./follow-job";
import type { RunLedger } from "./run-ledger";

const BENCHMARK = "11. Bulk job";
const TARGET = 10_000;
const IDS_PER_CALL = 100;
const WRITE_GAP_MS = 1_000;
const TOKENS_LIST = `/orgs/${ORG}/personal-access-tokens`;
const JOB_TIMEOUT_MS = 10 * 60_000;

export async function measureBulkJob(stack: BenchStack, ledger: RunLedger): Promise<BenchmarkResult> {
  const filter = await filterMatching(stack, TARGET);
  ledger.dashboardApiCalls += filter.calls;
  const filters = `last_used_before=${encodeURIComponent(filter.before)}`;

  const drafting = performance.now();
  const draft = await dashboardJson<JobDraft>(stack, `/api/orgs/${ORG}/jobs/drafts`, { method: "POST", body: { action: "revoke", filters }, timeoutMs: 120_000 });
  const draftMs = performance.now() - drafting;
  const calls = Math.ceil(draft.total / IDS_PER_CALL);
  await ledger.readUpstream();

  const confirmedAt = Date.now();
  const queued = await dashboardJson<JobSummary>(stack, `/api/orgs/${ORG}/jobs/drafts/${draft.id}/confirm`, {
    method: "POST",
    body: { reason: `Benchmark: revoke the ${draft.total.toLocaleString("en")} tokens last used before ${filter.before}.`, confirm: ORG },
  });
  const { job, polls } = await followJob(stack, queued.id, JOB_TIMEOUT_MS);
  const seenDoneAt = Date.now();
  ledger.dashboardApiCalls += 2 + polls;
  // The job's own clock (the same machine's) says when its last chunk was recorded.
  const wallMs = (job.finishedAt ? Date.parse(job.finishedAt) : seenDoneAt) - confirmedAt;

  const log = await ledger.readUpstream();
  const writes = writeCalls(log, TOKENS_LIST);
  const rechecks = recheckReads(log, TOKENS_LIST);
  const gaps = gapsMs(writes);
  const upstreamMs = writes.reduce((sum, entry) => sum + (entry.ms ?? UPSTREAM_LATENCY_MS), 0);
  const floorMs = Math.max(0, writes.length - 1) * WRITE_GAP_MS + upstreamMs;
  const firstWriteMs = writes.length > 0 ? Date.parse(writes[0]!.time) - confirmedAt : null;
  return {
    figures: [
      figure(BENCHMARK, `revoke ${draft.total.toLocaleString("en")} by a filter: upstream write calls`, writes.length, "", exactly(calls), `⌈N/100⌉; ${job.accepted.toLocaleString("en")} accepted, ${job.skipped} skipped, ${job.failed} failed`),
      figure(BENCHMARK, "wall time (confirm → done) / pacing floor", round(wallMs / floorMs), "×", atMost(1.1), `${round(wallMs / 1000, 1)} s vs ${round(floorMs / 1000, 1)} s (${writes.length - 1} × 1 s + ${round(upstreamMs / 1000, 2)} s upstream)`),
      figure(BENCHMARK, "re-check read calls", rechecks.length, "", undefined, `token_id[] look-ups, ${round(rechecks.length / Math.max(1, writes.length), 1)} per write call`),
      figure(BENCHMARK, `draft: freeze ${draft.total.toLocaleString("en")} matching ids`, round(draftMs / 1000, 2), "s"),
    ],
    details: {
      filter: filters,
      filterSearchCalls: filter.calls,
      draft: { id: draft.id, total: draft.total, owners: draft.owners, elevated: draft.elevated, description: draft.description, ms: round(draftMs, 0) },
      job: { status: job.status, accepted: job.accepted, skipped: job.skipped, failed: job.failed, lastError: job.lastError, createdAt: job.createdAt, startedAt: job.startedAt, finishedAt: job.finishedAt },
      floorMs,
      upstreamLatencyMs: { configured: UPSTREAM_LATENCY_MS, writesObservedSum: round(upstreamMs, 0), writesObservedMax: Math.max(...writes.map((entry) => entry.ms ?? 0)) },
      wallMs,
      polls,
      firstWriteAfterConfirmMs: firstWriteMs,
      writeCalls: writes.length,
      writeStatuses: countBy(writes.map((entry) => String(entry.status))),
      recheckReads: rechecks.length,
      writeGapsMs: { min: Math.min(...gaps), p50: percentile(gaps, 50), p95: percentile(gaps, 95), max: Math.max(...gaps) },
    },
  };
}

/**
 * "Last used before T" with exactly `target` matches (or, when several tokens share the boundary's
 * time, the fewest above it): a binary search over T on the tokens list's exact count.
 */
async function filterMatching(stack: BenchStack, target: number): Promise<{ before: string; total: number; calls: number }> {
  let calls = 0;
  const count = async (before: number) => {
    calls += 1;
    const page = await dashboardJson<CountedPage<PatTokenRow>>(stack, `/api/orgs/${ORG}/tokens?per_page=1&last_used_before=${encodeURIComponent(new Date(before).toISOString())}`);
    return page.total;
  };
  let low = Date.now() - 10 * 365 * 24 * 60 * 60 * 1000;
  let high = Date.now();
  if ((await count(high)) < target) throw new Error(`fewer than ${target} tokens have been used: the world is too small for this benchmark`);
  // Invariant: count(low) < target ≤ count(high).
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const total = await count(middle);
    if (total === target) return { before: new Date(middle).toISOString(), total, calls };
    if (total < target) low = middle;
    else high = middle;
  }
  return { before: new Date(high).toISOString(), total: await count(high), calls };
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
