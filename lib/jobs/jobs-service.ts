import "server-only";
import { eq } from "drizzle-orm";
import { ApiError } from "@/lib/contract/api-error";
import { actingIdentityFor } from "@/lib/auth/acting-identity";
import { userTokenFor } from "@/lib/auth/owner-tokens";
import type { ActingIdentity } from "@/lib/contract/audit-record";
import { isShuttingDown } from "@/lib/lifecycle/shutdown";
import type { AuditAction } from "@/lib/contract/audit-record";
import type { BulkResult } from "@/lib/contract/bulk-result";
import type { InventoryFilters } from "@/lib/contract/inventory";
import type { JobDraft, JobSummary } from "@/lib/contract/jobs";
import type { Page } from "@/lib/contract/pat-rows";
import { bulkJobs } from "@/lib/db/jobs-schema";
import { db } from "@/lib/db/database";
import { env } from "@/lib/env";
import type { Database } from "@/lib/db/open-database";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { github } from "@/lib/github/shared-client";
import { subsetIdsReaching } from "@/lib/inventory/repository-matches";
import { confirmDraft, createDraft, createJob, KIND_OF } from "./create-job";
import { startJobWorker, wakeJobWorker } from "./job-worker";
import { activeJobs, cancelJob, jobResult, listJobs, readJob, toJobSummary } from "./read-jobs";

// What the job routes call: each opens the database, turning its failures into a 503 a person can
// act on, and starts this instance's worker so a queued job is picked up at once.

interface Actor {
  login: string;
  id: number;
}

/** How long a route that sends ids waits for its job before answering "queued" instead of the outcome. */
const WAIT_FOR_RESULT_MS = 20_000;
const POLL_MS = 150;

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  let database: Database;
  try {
    database = await db();
  } catch (error) {
    console.error(`[jobs] database: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
    throw new ApiError(
      "audit_unavailable",
      "Grantdesk could not record this action in its audit trail, so nothing was sent to GitHub. Try again in a moment; if it keeps failing, check Grantdesk's database.",
    );
  }
  return work(database);
}

/** A server told to stop (SIGTERM) takes no new job: its worker is handing jobs back. */
function refuseWhileStopping(): void {
  if (isShuttingDown()) throw new ApiError("shutting_down", "Grantdesk is restarting and takes no new actions right now; nothing was queued. Try again in a moment.");
}

/**
 * Whose credential a new job of `actor` will carry. Under ACT_AS=owner the owner must have a
 * token Grantdesk can use (renewed here if it expired): without one nothing is queued, and the
 * answer (401 reauth_required) sends them to sign in again.
 */
async function actingAs(actor: Actor): Promise<ActingIdentity> {
  const { actedAs } = actingIdentityFor(actor);
  if (actedAs === "owner") await userTokenFor(actor.id);
  return actedAs;
}

function queued(): void {
  startJobWorker();
  wakeJobWorker();
}

/** A page's selection, queued as a job; answers the job. */
export async function startJob(org: string, actor: Actor, action: AuditAction, ids: readonly number[], reason?: string): Promise<JobSummary> {
  refuseWhileStopping();
  const actedAs = await actingAs(actor);
  return withDatabase(async (database) => {
    const id = await createJob(database, { org, actor, actedAs, action, ids, reason, maxActiveJobs: env().maxActiveJobsPerUser });
    queued();
    return toJobSummary(await readJob(database, org, id));
  });
}

/**
 * The review and revoke routes: the ids run as a job (durable, paced, re-checked), and the route
 * answers every id's outcome once it is done — or, when it waits behind another job of the org for
 * longer than WAIT_FOR_RESULT_MS, or the server is stopping, the job itself (it carries on; the
 * page follows it).
 */
export async function runJobAndWait(org: string, actor: Actor, action: AuditAction, ids: readonly number[], reason?: string): Promise<BulkResult | JobSummary> {
  const job = await startJob(org, actor, action, ids, reason);
  return withDatabase(async (database) => {
    const deadline = Date.now() + WAIT_FOR_RESULT_MS;
    for (;;) {
      const [row] = await database.select().from(bulkJobs).where(eq(bulkJobs.id, job.id));
      if (row && (row.status === "done" || row.status === "failed" || row.status === "cancelled")) return refusedAsAWhole(await jobResult(database, job.id));
      // Past the wait, or this server is stopping (the job is handed back and carries on after
      // the restart, or on another instance): answer the job, which the page follows.
      if (Date.now() > deadline || isShuttingDown()) return toJobSummary(row!);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  });
}

/**
 * ACT_AS=owner: when GitHub refused the owner's token (and its refresh) before any id went out,
 * the answer is that refusal (401 reauth_required), so the page sends the owner to sign in again;
 * the trail holds every id as not sent.
 */
function refusedAsAWhole(result: BulkResult): BulkResult {
  const first = result.results[0];
  if (first && result.accepted === 0 && result.results.every((outcome) => outcome.code === "reauth_required")) {
    throw new ApiError("reauth_required", (first.error ?? "").replace(/^Not sent: /, ""));
  }
  return result;
}

/** "All that match": freezes the matching ids for the owner to confirm. */
export async function draftJob(org: string, actor: Actor, action: AuditAction, filters: InventoryFilters): Promise<JobDraft> {
  const repositoryIds = filters.repository === undefined ? undefined : await subsetIdsReaching(org, KIND_OF[action], filters, github());
  return withDatabase((database) => createDraft(database, { org, actor, actedAs: actingIdentityFor(actor).actedAs, action, filters, repositoryIds }));
}

export async function confirmJob(org: string, actor: Actor, draftId: string, reason: string | undefined, typedOrg: string | undefined): Promise<JobSummary> {
  refuseWhileStopping();
  const actedAs = await actingAs(actor);
  return withDatabase(async (database) => {
    await confirmDraft(database, { org, actor, actedAs, draftId, reason, typedOrg, maxActiveJobs: env().maxActiveJobsPerUser });
    queued();
    return toJobSummary(await readJob(database, org, draftId));
  });
}

export function getJob(org: string, id: string): Promise<JobSummary> {
  return withDatabase(async (database) => toJobSummary(await readJob(database, org, id)));
}

export function listOrgJobs(org: string, page: number, perPage: number): Promise<Page<JobSummary>> {
  return withDatabase((database) => listJobs(database, org, page, perPage));
}

export function listActiveJobs(orgs: readonly string[]): Promise<JobSummary[]> {
  return withDatabase((database) => activeJobs(database, orgs));
}

export function requestCancel(org: string, id: string): Promise<JobSummary> {
  return withDatabase(async (database) => toJobSummary(await cancelJob(database, org, id)));
}

