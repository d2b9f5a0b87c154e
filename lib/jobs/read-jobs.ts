import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { ApiError } from "@/lib/contract/api-error";
import type { BulkResult, IdOutcome } from "@/lib/contract/bulk-result";
import type { JobSummary } from "@/lib/contract/jobs";
import type { Page } from "@/lib/contract/pat-rows";
import { auditOutcomes, auditTargets } from "@/lib/db/schema";
import { bulkJobs } from "@/lib/db/jobs-schema";
import type { Database } from "@/lib/db/open-database";
import type { Job } from "./job-lease";

/** A chunk of 100 goes out about once a second (GitHub's pacing), plus the call itself. */
const SECONDS_PER_CHUNK = 1.1;

export function toJobSummary(job: Job, now = Date.now()): JobSummary {
  const done = job.accepted + job.skipped + job.failed;
  const open = job.status === "queued" || job.status === "running";
  const chunksLeft = Math.max(0, job.chunks - job.nextChunk);
  const waitingFor = job.waitUntil && job.waitUntil.getTime() > now && job.waitReason ? job.waitUntil : null;
  const start = Math.max(now, waitingFor?.getTime() ?? 0);
  return {
    id: job.id,
    org: job.org,
    kind: job.kind,
    action: job.action,
    status: job.status,
    actor: { login: job.actorLogin, id: job.actorId },
    reason: job.reason,
    description: job.description,
    total: job.total,
    done,
    accepted: job.accepted,
    skipped: job.skipped,
    failed: job.failed,
    waiting: waitingFor && job.waitReason ? { reason: job.waitReason, until: waitingFor.toISOString() } : null,
    estimatedFinishAt: open ? new Date(start + chunksLeft * SECONDS_PER_CHUNK * 1000).toISOString() : null,
    cancelRequested: job.cancelRequestedAt !== null,
    lastError: job.lastError,
    createdAt: (job.confirmedAt ?? job.createdAt).toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export async function readJob(database: Database, org: string, id: string): Promise<Job> {
  const [job] = await database.select().from(bulkJobs).where(and(eq(bulkJobs.id, id), eq(bulkJobs.org, org.toLowerCase())));
  if (!job || job.status === "draft") throw new ApiError("not_found", `No job ${id} in ${org}.`);
  return job;
}

/** An org's jobs, newest first (drafts left out). */
export async function listJobs(database: Database, org: string, page: number, perPage: number): Promise<Page<JobSummary>> {
  const where = and(eq(bulkJobs.org, org.toLowerCase()), sql`${bulkJobs.status} <> 'draft'`);
  const [rows, total] = await Promise.all([
    database.select().from(bulkJobs).where(where).orderBy(desc(bulkJobs.confirmedAt), desc(bulkJobs.id)).limit(perPage).offset((page - 1) * perPage),
    database.$count(bulkJobs, where),
  ]);
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  return { items: rows.map((row) => toJobSummary(row)), page, perPage, hasNextPage: page < lastPage, lastPage };
}

/** Queued and running jobs of these orgs, oldest first: the header's indicator. */
export async function activeJobs(database: Database, orgs: readonly string[]): Promise<JobSummary[]> {
  if (orgs.length === 0) return [];
  const rows = await database
    .select()
    .from(bulkJobs)
    .where(and(inArray(bulkJobs.org, orgs.map((org) => org.toLowerCase())), inArray(bulkJobs.status, ["queued", "running"])))
    .orderBy(asc(bulkJobs.confirmedAt));
  return rows.map((row) => toJobSummary(row));
}

/** Every id's outcome of a finished job, in the order given: the answer of the synchronous routes. */
export async function jobResult(database: Database, jobId: string): Promise<BulkResult> {
  const rows = await database
    .select({ id: auditTargets.targetId, outcome: auditOutcomes.outcome, status: auditOutcomes.status, code: auditOutcomes.code, message: auditOutcomes.message })
    .from(auditTargets)
    .leftJoin(auditOutcomes, and(eq(auditOutcomes.batchId, auditTargets.batchId), eq(auditOutcomes.targetId, auditTargets.targetId)))
    .where(eq(auditTargets.batchId, jobId))
    .orderBy(asc(auditTargets.position));
  const results: IdOutcome[] = rows.map((row) => {
    if (row.outcome === "accepted") return { id: row.id, ok: true };
    if (row.outcome === "inferred") return { id: row.id, ok: true, inferred: true };
    return {
      id: row.id,
      ok: false,
      ...(row.status === null ? {} : { status: row.status }),
      code: row.code ?? (row.outcome === null ? "outcome_unknown" : undefined),
      error: row.message ?? "No outcome was recorded.",
    };
  });
  const accepted = results.filter((result) => result.ok).length;
  const skipped = rows.filter((row) => row.outcome === "skipped").length;
  return { results, accepted, skipped, failed: results.length - accepted - skipped };
}

/** The owner asks the job to stop: no chunk starts after this; the one in flight finishes and is recorded. */
export async function cancelJob(database: Database, org: string, id: string): Promise<Job> {
  const job = await readJob(database, org, id);
  if (job.status !== "queued" && job.status !== "running") throw new ApiError("conflict", `Job ${id} has already ${job.status === "done" ? "finished" : job.status === "failed" ? "stopped" : "been cancelled"}.`);
  await database.update(bulkJobs).set({ cancelRequestedAt: new Date() }).where(eq(bulkJobs.id, id));
  return readJob(database, org, id);
}
