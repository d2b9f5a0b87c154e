import type { BulkResult } from "@/lib/api/contract";
import { apiFetch } from "./api-fetch";

export interface RevokeTokensInput {
  /** Token grant ids (what GitHub's revoke takes). */
  ids: number[];
  /** The token id the page showed for each id, in the same order (the audit trail names the token by it). */
  tokenIds: number[];
  /** Kept by Grantdesk's audit trail only: GitHub's revoke takes no reason. */
  note: string;
}

/** Revoke tokens' access to the org; the route sends them to GitHub in chunks and reports every id. */
export function revokeTokens(org: string, { ids, tokenIds, note }: RevokeTokensInput): Promise<BulkResult> {
  return apiFetch<BulkResult>(`/api/orgs/${encodeURIComponent(org)}/tokens/revoke`, {
    method: "POST",
    body: JSON.stringify({ ids, tokenIds, ...(note.trim() ? { note: note.trim() } : {}) }),
  });
}
