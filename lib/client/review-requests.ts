import type { BulkResult } from "@/lib/api/contract";
import { apiFetch } from "./api-fetch";

export type ReviewAction = "approve" | "deny";

export interface ReviewRequestsInput {
  ids: number[];
  /** The token id the page showed for each id, in the same order (the audit trail names the token by it). */
  tokenIds: number[];
  action: ReviewAction;
  reason: string;
}

/** Approve or deny pending requests; the route sends them to GitHub in chunks and reports every id. */
export function reviewRequests(org: string, { ids, tokenIds, action, reason }: ReviewRequestsInput): Promise<BulkResult> {
  return apiFetch<BulkResult>(`/api/orgs/${encodeURIComponent(org)}/requests/review`, {
    method: "POST",
    body: JSON.stringify({ ids, tokenIds, action, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
  });
}
