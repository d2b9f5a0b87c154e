import "server-only";
import { randomUUID } from "node:crypto";
import { ApiError } from "@/lib/contract/api-error";
import type { AuditAction } from "@/lib/contract/audit-record";
import type { BulkResult, IdOutcome } from "@/lib/contract/bulk-result";
import type { GoneReason, PatResource } from "@/lib/contract/pat-rows";
import { db } from "@/lib/db/database";
import type { Database } from "@/lib/db/open-database";
import { GitHubError } from "@/lib/github/github-error";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { github } from "@/lib/github/shared-client";
import { markGone } from "@/lib/inventory/inventory-store";
import { recheckTargets } from "@/lib/inventory/recheck-targets";
import { recordIntent } from "./record-intent";
import { recordOutcomes } from "./record-outcomes";

export interface AuditedAction {
  org: string;
  /** The signed-in owner. */
  actor: { login: string; id: number };
  action: AuditAction;
  ids: readonly number[];
  /** The review's reason or the revoke's note. */
  reason?: string;
}

const KIND: Record<AuditAction, PatResource> = { approve: "requests", deny: "requests", revoke: "tokens" };
const DONE: Record<AuditAction, GoneReason> = { approve: "approved", deny: "denied", revoke: "revoked" };
const DONE_OUTSIDE: Record<PatResource, GoneReason> = { requests: "reviewed_outside", tokens: "revoked_outside" };

/**
 * Sends an approve, deny or revoke through `send` with the audit trail around it:
 *
 * 1. GitHub is asked which of the ids it still lists (recheckTargets): the inventory is not
 *    trusted for a write. Those it no longer lists are not sent ("skipped").
 * 2. The action and all its ids are recorded, with each token as GitHub described it. If that
 *    record cannot be written nothing is sent (503 `audit_unavailable`), so no change goes
 *    unrecorded; a crash mid-action leaves the ids recorded with no outcome (shown as unknown).
 * 3. The listed ids are sent; each id's outcome is appended to the trail (if that fails, the
 *    answer still goes back: the change happened, and hiding it would invite a second attempt).
 * 4. The inventory follows at once: accepted ids leave the lists, as do the ids GitHub no longer listed.
 */
export async function runAuditedAction(action: AuditedAction, send: (ids: number[]) => Promise<BulkResult>): Promise<BulkResult> {
  // One record per distinct id, in the order given: exactly the ids the answer reports on.
  const ids = [...new Set(action.ids)];
  const kind = KIND[action.action];
  const batchId = randomUUID();

  let database: Database;
  try {
    database = await db();
  } catch (error) {
    throw auditUnavailable(`could not open the database: ${describe(error)}`);
  }
  const check = await recheckTargets(database, github(), action.org, kind, ids);
  const snapshots = new Map([...check.listed].map(([id, row]) => [id, { tokenId: row.tokenId, tokenName: row.tokenName, ownerLogin: row.owner.login }]));
  try {
    await recordIntent(database, { batchId, org: action.org, action: action.action, actor: action.actor, reason: action.reason, ids, snapshots });
  } catch (error) {
    throw auditUnavailable(`could not record a ${action.action} of ${ids.length} id(s) in ${action.org}: ${describe(error)}`);
  }

  const skipped = new Map<number, IdOutcome>();
  for (const id of check.notListed) skipped.set(id, { id, ok: false, code: "skipped", error: `Skipped: no longer ${kind === "requests" ? "pending" : "active"} in ${action.org} when Grantdesk checked, just before sending. Nothing was sent for it.` });
  for (const id of check.unknown) skipped.set(id, { id, ok: false, code: "skipped", error: `Skipped: Grantdesk does not know this ${kind === "requests" ? "request" : "token"} in ${action.org}. Refresh the list.` });
  const toSend = ids.filter((id) => check.listed.has(id));

  let sent: BulkResult = { results: [], accepted: 0, skipped: 0, failed: 0 };
  try {
    if (toSend.length > 0) sent = await send(toSend);
  } catch (error) {
    // send() rejects with a GitHubError only before it sends anything (the app is not installed
    // on the org): every id then failed. Anything else leaves the outcomes unknown, as they are.
    if (error instanceof GitHubError) {
      const notSent: IdOutcome[] = ids.map((id) => skipped.get(id) ?? { id, ok: false, status: error.status, code: error.code, error: `Not sent: ${error.message}` });
      await recordOutcomesOrLog(database, batchId, notSent);
    }
    throw error;
  }
  const byId = new Map(sent.results.map((outcome) => [outcome.id, outcome]));
  const results = ids.map((id) => byId.get(id) ?? skipped.get(id)!);
  await recordOutcomesOrLog(database, batchId, results);

  const now = new Date();
  await Promise.all([
    markGone(database, action.org, kind, results.filter((outcome) => outcome.ok).map((outcome) => outcome.id), DONE[action.action], now),
    markGone(database, action.org, kind, check.notListed, DONE_OUTSIDE[kind], now),
  ]).catch((error: unknown) => console.warn(`[inventory] could not update ${action.org} after a ${action.action}; the next sync will: ${describe(error)}`));

  const accepted = results.filter((outcome) => outcome.ok).length;
  return { results, accepted, skipped: skipped.size, failed: results.length - accepted - skipped.size };
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
  return new ApiError(
    "audit_unavailable",
    "Grantdesk could not record this action in its audit trail, so nothing was sent to GitHub. Try again in a moment; if it keeps failing, check Grantdesk's database.",
  );
}

function describe(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error));
}
