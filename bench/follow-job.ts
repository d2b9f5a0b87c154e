// Following a bulk job through the dashboard's API, as the job panel does, and reading back from
// fake-github's log what it sent: its write calls and the reads that re-checked each chunk.
import { setTimeout as sleep } from "node:timers/promises";
import type { LogEntry } from "@/fake-github/request-log";
import type { JobSummary } from "@/lib/contract/jobs";
import { dashboardJson, ORG, type BenchStack } from "./bench-stack";

/** How often the job panel asks (lib/browser-api/job-queries.ts). */
const PANEL_POLL_MS = 1_000;
const FINISHED = new Set<JobSummary["status"]>(["done", "failed", "cancelled"]);

/** Polls the job until it has finished; answers its last summary and how many polls it took. */
export async function followJob(stack: BenchStack, id: string, timeoutMs: number, pollMs = PANEL_POLL_MS): Promise<{ job: JobSummary; polls: number }> {
  const deadline = Date.now() + timeoutMs;
  for (let polls = 1; ; polls++) {
    const job = await dashboardJson<JobSummary>(stack, `/api/orgs/${ORG}/jobs/${id}`);
    if (FINISHED.has(job.status)) return { job, polls };
    if (Date.now() > deadline) throw new Error(`job ${id} had not finished after ${timeoutMs / 1000} s: ${JSON.stringify(job)}`);
    await sleep(pollMs);
  }
}

/** Review / revoke calls to a list's endpoints: the bulk one and the single one (`…/{id}`). */
export function writeCalls(entries: LogEntry[], githubList: string): LogEntry[] {
  const write = new RegExp(`^${githubList}(/\\d+)?$`);
  return entries.filter((entry) => entry.method === "POST" && write.test(entry.path));
}

/** Reads of a list by `token_id[]`: how a job re-checks a chunk's ids with GitHub before sending it. */
export function recheckReads(entries: LogEntry[], githubList: string): LogEntry[] {
  return entries.filter((entry) => entry.method === "GET" && entry.path === githubList && /(^|&)token_id(%5B%5D|\[\])?=/.test(entry.query));
}

/** The gaps between successive writes, ms, from fake-github's clock. */
export function gapsMs(writes: LogEntry[]): number[] {
  return writes.slice(1).map((entry, index) => Date.parse(entry.time) - Date.parse(writes[index]!.time));
}
