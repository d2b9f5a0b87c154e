import type { AuditAction } from "@/lib/contract/audit-record";
import type { BulkResult } from "@/lib/contract/bulk-result";
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

/** Reviews requests or revokes tokens; the route sends them to GitHub in chunks and reports every id. */
export function postBulkAction(org: string, resource: PatResource, { action, ids, note }: BulkActionInput): Promise<BulkResult> {
  const text = note.trim();
  const body =
    resource === "requests"
      ? { ids, action, ...(text ? { reason: text } : {}) }
      : { ids, ...(text ? { note: text } : {}) };
  return apiFetch<BulkResult>(`${patResourcePath(org, resource)}/${resource === "requests" ? "review" : "revoke"}`, {
    method: "POST",
    body: JSON.stringify(body),
  });
}
