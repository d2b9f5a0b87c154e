import "server-only";
import { eq, sql } from "drizzle-orm";
import type { AuditExecutor } from "@/lib/audit/audit-chain";
import { recordChunkTargets, type TargetSnapshot } from "@/lib/audit/record-intent";
import { recordOutcomes } from "@/lib/audit/record-outcomes";
import { ownerTokenSource } from "@/lib/auth/owner-tokens";
import { isApiError } from "@/lib/contract/api-error";
import type { IdOutcome } from "@/lib/contract/bulk-result";
import type { GoneReason, PatResource } from "@/lib/contract/pat-rows";
import { bulkJobs, orgWritePace } from "@/lib/db/jobs-schema";
import type { Database } from "@/lib/db/open-database";
import type { GitHubClient } from "@/lib/github/create-github-client";
import { GitHubError } from "@/lib/github/github-error";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { publishOrgEvent } from "@/lib/events/publish-org-event";
import { noteInventoryChanged } from "@/lib/inventory/inventory-events";
import { markGone } from "@/lib/inventory/inventory-store";
import { recheckTargets } from "@/lib/inventory/recheck-targets";
import { chunkIds } from "./job-ids";
import { LeaseLost, updateHeldJob, type Job } from "./job-lease";
import { sendChunk } from "./send-chunk";

// Works one job through, chunk by chunk (100 ids a chunk, one at a time, at least 1 s apart per
// org across every instance). For each chunk:
//
// 1. GitHub is asked which of its ids it still lists (`token_id[]`): the inventory is not trusted
//    for a write. Ids it no longer lists are skipped, never re-targeted.
// 2. The chunk's ids are recorded in the audit trail, with each token as GitHub described it.
// 3. The chunk is marked in flight, then sent (narrowed down if GitHub refuses it whole).
// 4. Its outcomes, the job's counters and its cursor are written in one transaction.
//
// A crash between 3 and 4 leaves the chunk in flight: on resume, after a grace for GitHub to apply
// an accepted bulk call, GitHub is asked again. Ids it no longer lists were applied (recorded as
// inferred) and are not sent again; only those still listed are sent. So no id reaches GitHub
// twice, and every id ends with exactly one outcome.

export interface RunJobOptions {
  database: Database;
  client: GitHubClient;
  /** This instance, the job's lease holder. */
  owner: string;
  /** GitHub's pacing for writes to one org (default 1 s). */
  spacingMs?: number;
  /** How long after an in-flight chunk's call its outcome is read back on resume (default 10 s). */
  settleGraceMs?: number;
  /** Asked before each chunk: true when this instance is shutting down (the job is then handed back). */
  stopping?: () => boolean;
}

const DONE: Record<Job["action"], GoneReason> = { approve: "approved", deny: "denied", revoke: "revoked" };
const DONE_OUTSIDE: Record<PatResource, GoneReason> = { requests: "reviewed_outside", tokens: "revoked_outside" };
/** Failures that hold for every call to the org: the job stops, the rest is not sent. */
const STOPS_THE_JOB = new Set(["github_unauthorized", "missing_permission", "not_installed", "reauth_required"]);
/** Failures GitHub did not process (or could not be reached for): the chunk is tried again after a wait. */
const TRY_AGAIN = new Set(["rate_limited", "github_unreachable", "overloaded"]);
const TRY_AGAIN_MAX = 5;
const TRY_AGAIN_WAIT_MS = 15_000;
const HEARTBEAT_MS = 2_000;
/** After an interruption, the job may be taken up again (by any instance) this soon. */
const RESUME_AFTER_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class StopJob extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export async function runJob(job: Job, options: RunJobOptions): Promise<void> {
  const { database, client, owner } = options;
  const spacingMs = options.spacingMs ?? 1_000;
  const noun = job.kind === "requests" ? "pending" : "active";

  // While the job works, its lease is renewed, and a rate-limit wait of GitHub's shows on it.
  let lost = false;
  const heartbeat = setInterval(() => {
    const until = client.rateLimitedUntil(job.org);
    void updateHeldJob(database, job.id, owner, until ? { waitUntil: until, waitReason: "rate_limit" } : {}).catch((error: unknown) => {
      if (error instanceof LeaseLost) lost = true;
    });
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const hold = async (changes: Partial<Job> = {}) => {
    if (lost) throw new LeaseLost(`job ${job.id} was taken over`);
    await updateHeldJob(database, job.id, owner, changes);
  };

  /** Waits until the org's last write is spacingMs old (on any instance), then claims the slot. */
  const pace = async () => {
    const [last] = await database.select().from(orgWritePace).where(eq(orgWritePace.org, job.org));
    const wait = last ? last.lastSentAt.getTime() + spacingMs - Date.now() : 0;
    if (wait > 0) {
      await hold({ waitUntil: new Date(Date.now() + wait), waitReason: "pacing" });
      await sleep(wait);
    }
    const sentAt = new Date();
    await database.insert(orgWritePace).values({ org: job.org, lastSentAt: sentAt }).onConflictDoUpdate({ target: orgWritePace.org, set: { lastSentAt: sentAt } });
    await hold({ waitUntil: null, waitReason: null });
  };

  try {
    let tries = 0;
    for (let chunk = job.nextChunk; chunk < job.chunks; ) {
      if (options.stopping?.()) {
        // Shutting down: the chunk before this one is recorded; hand the job back at once.
        await hold({ leaseOwner: null, leaseUntil: new Date(0), waitUntil: null, waitReason: null });
        return;
      }
      const [current] = await database.select().from(bulkJobs).where(eq(bulkJobs.id, job.id));
      if (!current) return;
      const resumed = current.inflightChunk === chunk;
      // A cancel stops the job before its next chunk; a chunk in flight at a restart is settled first.
      if (current.cancelRequestedAt && !resumed) return await finishUnsent(job, chunk, options, "cancelled");
      const entries = await chunkIds(database, job.id, chunk);
      const ids = entries.map((entry) => entry.id);
      if (resumed && current.inflightAt) {
        const wait = current.inflightAt.getTime() + (options.settleGraceMs ?? 10_000) - Date.now();
        if (wait > 0) await sleep(wait);
      }

      let outcomes: IdOutcome[];
      try {
        const check = await recheckTargets(database, client, job.org, job.kind, ids);
        const snapshots = new Map<number, TargetSnapshot>([...check.listed].map(([id, row]) => [id, { tokenId: row.tokenId, tokenName: row.tokenName, ownerLogin: row.owner.login }]));
        await recordChunkTargets(database, { batchId: job.id, org: job.org, targets: entries.map(({ id, position }) => ({ targetId: id, position })), snapshots });

        const byId = new Map<number, IdOutcome>();
        for (const id of check.notListed) {
          byId.set(
            id,
            resumed
              ? { id, ok: true, inferred: true }
              : { id, ok: false, code: "skipped", error: `Skipped: no longer ${noun} in ${job.org} when Grantdesk checked, just before sending. Nothing was sent for it.` },
          );
        }
        for (const id of check.unknown) byId.set(id, { id, ok: false, code: "skipped", error: `Skipped: Grantdesk does not know this id in ${job.org}.` });
        const toSend = ids.filter((id) => check.listed.has(id));
        if (toSend.length > 0) {
          await hold({ inflightChunk: chunk, inflightAt: new Date() });
          const asUser = job.actedAs === "owner" ? ownerTokenSource({ id: job.actorId, login: job.actorLogin }) : undefined;
          for (const outcome of await sendChunk({ org: job.org, kind: job.kind, action: job.action, reason: job.reason, ids: toSend, database, client, asUser, pace })) {
            byId.set(outcome.id, outcome);
          }
        }
        outcomes = ids.map((id) => byId.get(id)!);
      } catch (error) {
        if (error instanceof LeaseLost) throw error;
        if (isApiError(error) && error.code === "reauth_required") {
          // ACT_AS=owner and GitHub refused the owner's token and its refresh before this chunk was sent.
          await hold({ inflightChunk: null, inflightAt: null });
          throw new StopJob(error.code, error.message);
        }
        const failure = error instanceof GitHubError ? error : null;
        if (failure && STOPS_THE_JOB.has(failure.code)) throw new StopJob(failure.code, failure.message);
        if (failure && tries < TRY_AGAIN_MAX) {
          tries += 1;
          await hold({ waitUntil: new Date(Date.now() + TRY_AGAIN_WAIT_MS), waitReason: failure.code === "rate_limited" ? "rate_limit" : "pacing", lastError: failure.message });
          await sleep(failure.retryAfter ? failure.retryAfter * 1000 : TRY_AGAIN_WAIT_MS);
          continue;
        }
        throw error instanceof GitHubError ? new StopJob(error.code, error.message) : error;
      }

      // A whole chunk GitHub did not take (rate limited, unreachable) is not a result: try it again.
      if (outcomes.every((outcome) => !outcome.ok && outcome.code !== undefined && TRY_AGAIN.has(outcome.code)) && tries < TRY_AGAIN_MAX) {
        tries += 1;
        await hold({ inflightChunk: null, inflightAt: null, waitUntil: new Date(Date.now() + TRY_AGAIN_WAIT_MS), waitReason: "rate_limit" });
        await sleep(TRY_AGAIN_WAIT_MS);
        continue;
      }

      await settleChunk(job, chunk, outcomes, options);
      const stop = outcomes.find((outcome) => !outcome.ok && outcome.code !== undefined && STOPS_THE_JOB.has(outcome.code));
      if (stop) throw new StopJob(stop.code!, stop.error ?? "GitHub refused.");
      tries = 0;
      chunk += 1;
    }
    await hold({ status: "done", finishedAt: new Date(), leaseOwner: null, waitUntil: null, waitReason: null, lastError: null });
    await publishOrgEvent(database, { type: "job", org: job.org, jobId: job.id });
  } catch (error) {
    if (error instanceof LeaseLost) return;
    if (!(error instanceof StopJob)) {
      // A fault of Grantdesk's (its database, say), maybe with a chunk in flight: the job is left
      // as it is, its lease lapses, and it is taken up again, the chunk settled as after a crash.
      const message = redactSecrets(error instanceof Error ? error.message : String(error));
      console.error(`[jobs] job ${job.id} interrupted, to be resumed:`, redactSecrets(String(error instanceof Error ? error.stack : error)));
      await updateHeldJob(database, job.id, owner, {
        lastError: `Interrupted by an error in Grantdesk, resuming shortly: ${message}`,
        leaseUntil: new Date(Date.now() + RESUME_AFTER_MS),
      }).catch(() => undefined);
      return;
    }
    const [current] = await database.select({ nextChunk: bulkJobs.nextChunk }).from(bulkJobs).where(eq(bulkJobs.id, job.id));
    await finishUnsent(job, current?.nextChunk ?? job.nextChunk, options, "failed", error.message, error.code).catch((failure: unknown) =>
      console.error(`[jobs] could not close job ${job.id}:`, redactSecrets(String(failure))),
    );
  } finally {
    clearInterval(heartbeat);
  }
}

/** The chunk's outcomes, the job's counters and its cursor, together; then the inventory follows. */
async function settleChunk(job: Job, chunk: number, outcomes: IdOutcome[], { database, owner }: RunJobOptions) {
  const accepted = outcomes.filter((outcome) => outcome.ok).length;
  const skipped = outcomes.filter((outcome) => !outcome.ok && (outcome.code === "skipped" || outcome.code === "cancelled")).length;
  await database.transaction(async (tx) => {
    await recordOutcomes(tx as unknown as AuditExecutor as Database, job.id, outcomes);
    await updateHeldJob(tx, job.id, owner, {
      nextChunk: chunk + 1,
      inflightChunk: null,
      inflightAt: null,
      accepted: sql`${bulkJobs.accepted} + ${accepted}` as unknown as number,
      skipped: sql`${bulkJobs.skipped} + ${skipped}` as unknown as number,
      failed: sql`${bulkJobs.failed} + ${outcomes.length - accepted - skipped}` as unknown as number,
    });
  });
  const now = new Date();
  await Promise.all([
    markGone(database, job.org, job.kind, outcomes.filter((outcome) => outcome.ok).map((outcome) => outcome.id), DONE[job.action], now),
    markGone(database, job.org, job.kind, outcomes.filter((outcome) => outcome.code === "skipped").map((outcome) => outcome.id), DONE_OUTSIDE[job.kind], now),
  ]).catch((error: unknown) => console.warn(`[jobs] the inventory of ${job.org} will catch up at the next sync: ${redactSecrets(String(error))}`));
  // Open pages on every instance re-read the list and follow the job.
  await Promise.all([noteInventoryChanged(database, job.org, [job.kind]), publishOrgEvent(database, { type: "job", org: job.org, jobId: job.id })]);
}

/**
 * Ends a job early: every id not yet sent, from chunk `from` on, is recorded with an outcome —
 * skipped when the owner cancelled, failed (not sent) when an error stopped the job — so the trail
 * accounts for every id of the job.
 */
async function finishUnsent(job: Job, from: number, options: RunJobOptions, how: "cancelled" | "failed", reason?: string, code = "not_sent") {
  const { database, owner } = options;
  const [current] = await database.select({ inflightChunk: bulkJobs.inflightChunk }).from(bulkJobs).where(eq(bulkJobs.id, job.id));
  for (let chunk = from; chunk < job.chunks; chunk++) {
    const entries = await chunkIds(database, job.id, chunk);
    await recordChunkTargets(database, { batchId: job.id, org: job.org, targets: entries.map(({ id, position }) => ({ targetId: id, position })), snapshots: new Map() });
    // A chunk in flight may have been applied: its outcome is unknown, not "not sent".
    const inFlight = current?.inflightChunk === chunk;
    const outcomes: IdOutcome[] = entries.map(({ id }) =>
      inFlight
        ? { id, ok: false, code: "outcome_unknown", error: `Sent, but ${reason ?? "the job stopped"} before GitHub's answer could be checked. Check GitHub before trying again.` }
        : how === "cancelled"
          ? { id, ok: false, code: "cancelled", error: "Not sent: the job was cancelled." }
          : { id, ok: false, code, error: `Not sent: ${reason}` },
    );
    await settleChunk(job, chunk, outcomes, options);
  }
  await updateHeldJob(database, job.id, owner, { status: how, finishedAt: new Date(), leaseOwner: null, waitUntil: null, waitReason: null, lastError: reason ?? null });
  await publishOrgEvent(database, { type: "job", org: job.org, jobId: job.id });
}
