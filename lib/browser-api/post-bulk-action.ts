import type { AuditAction } from "@/lib/contract/audit-record";
import type { BulkResult } from "@/lib/contract/bulk-result";
import type { JobSummary } from "@/lib/contract/jobs";
import type { PatResource } from "@/lib/contract/pat-rows";
import { apiFetch } from "./api-fetch";
import { patResourcePath } from "./pat-queries";

export interface BulkActionInput {
  /** approve or deny (requests), revoke (tokens). */
  action: AuditAction;
  /** Request ids or token grant ids: what GitHub's review and revoke take. */
  ids: number[];
  /** The review's reason (sent to GitHub), or the revoke's note (kept by Grantdesk's audit trail only). */
  note: string;
}

/**
 * What a review or revoke answers: every id's outcome once its job is done, or — when the job
 * waits behind another of the org's jobs for longer than the route waits — the job itself, which
 * carries on on the server.
 */
export type BulkAnswer = BulkResult | JobSummary;

export const isJobAnswer = (answer: BulkAnswer): answer is JobSummary => "status" in answer;

/** Reviews requests or revokes tokens; the route runs them as a job and reports every id. */
export function postBulkAction(org: string, resource: PatResource, { action, ids, note }: BulkActionInput): Promise<BulkAnswer> {
  const text = note.trim();
  const body =
    resource === "requests"
      ? { ids, action, ...(text ? { reason: text } : {}) }
      : { ids, ...(text ? { note: text } : {}) };
  return apiFetch<BulkAnswer>(`${patResourcePath(org, resource)}/${resource === "requests" ? "review" : "revoke"}`, {
    method: "POST",
    body: JSON.stringify(body),
  });
}
