import "server-only";
import { randomUUID } from "node:crypto";
import { ApiError, isApiError } from "@/lib/contract/api-error";
import type { ActingIdentity, AuditAction } from "@/lib/contract/audit-record";
import type { BulkResult, IdOutcome } from "@/lib/contract/bulk-result";
import { db } from "@/lib/db/database";
import type { Database } from "@/lib/db/open-database";
import { GitHubError } from "@/lib/github/github-error";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { isShuttingDown, trackWork } from "@/lib/lifecycle/shutdown";
import { recordIntent } from "./record-intent";
import { recordOutcomes } from "./record-outcomes";
import { snapshotTargets } from "./snapshot-targets";

export interface AuditedAction {
  org: string;
  /** The signed-in owner. */
  actor: { login: string; id: number };
  action: AuditAction;
  ids: readonly number[];
  /** The token id the page showed for each id (same order), to describe the token in the trail. */
  tokenIds?: readonly number[];
  /** The review's reason or the revoke's note. */
  reason?: string;
  /** Whose credential `send` uses: the app's installation token, or the actor's own (ACT_AS=owner). */
  actedAs: ActingIdentity;
}

/**
 * Sends an approve, deny or revoke through `send` with the audit trail around it: the action and
 * all its ids are recorded first, GitHub's answer for each id after. If the first record cannot
 * be written nothing is sent (503 `audit_unavailable`), so no change goes unrecorded; a crash or
 * timeout mid-action leaves the ids recorded with no outcome, which the trail shows as unknown.
 * If the outcomes cannot be written, the answer still goes back (the change happened, and
 * hiding it would invite a second attempt) and the failure is logged. A server told to stop
 * (SIGTERM) takes no new action and waits for this one to record its outcomes before exiting.
 */
export function runAuditedAction(action: AuditedAction, send: (ids: number[]) => Promise<BulkResult>): Promise<BulkResult> {
  if (isShuttingDown()) {
    return Promise.reject(new ApiError("shutting_down", "Grantdesk is restarting and takes no new actions right now; nothing was sent. Try again in a moment."));
  }
  return trackWork(() => recordAround(action, send));
}

async function recordAround(action: AuditedAction, send: (ids: number[]) => Promise<BulkResult>): Promise<BulkResult> {
  // One record per distinct id, in the order given: exactly the ids send() reports on.
  const ids = [...new Set(action.ids)];
  const batchId = randomUUID();

  let database: Database;
  try {
    database = await db();
  } catch (error) {
    throw auditUnavailable(`could not open the database: ${describe(error)}`);
  }
  const snapshots = await snapshotTargets(action.org, action.action === "revoke" ? "tokens" : "requests", action.ids, action.tokenIds);
  try {
    await recordIntent(database, {
      batchId,
      org: action.org,
      action: action.action,
      actor: action.actor,
      actedAs: action.actedAs,
      reason: action.reason,
      ids,
      snapshots,
    });
  } catch (error) {
    throw auditUnavailable(`could not record a ${action.action} of ${ids.length} id(s) in ${action.org}: ${describe(error)}`);
  }

  let result: BulkResult;
  try {
    result = await send(ids);
  } catch (error) {
    // send() rejects with a GitHubError or an ApiError only before it sends anything (the app is
    // not installed on the org; the owner must sign in again): every id then failed. Anything
    // else leaves the outcomes unknown, as they are.
    if (error instanceof GitHubError || isApiError(error)) {
      // The trail's status is GitHub's: an ApiError's is Grantdesk's own.
      const status = error instanceof GitHubError ? error.status : undefined;
      const notSent: IdOutcome[] = ids.map((id) => ({ id, ok: false, status, code: error.code, error: `Not sent: ${error.message}` }));
      await recordOutcomesOrLog(database, batchId, notSent);
    }
    throw error;
  }
  await recordOutcomesOrLog(database, batchId, result.results);
  return result;
}

async function recordOutcomesOrLog(database: Database, batchId: string, outcomes: IdOutcome[]) {
  try {
    await recordOutcomes(database, batchId, outcomes);
  } catch (error) {
    console.error(`[audit] could not record the outcomes of batch ${batchId}; the trail shows them as unknown: ${describe(error)}`);
  }
}

function auditUnavailable(detail: string): ApiError {
  console.error(`[audit] refused an action: ${detail}`);
  return new ApiError("audit_unavailable",
    "Grantdesk could not record this action in its audit trail, so nothing was sent to GitHub. Try again in a moment; if it keeps failing, check Grantdesk's database.",
  );
}

function describe(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error));
}
