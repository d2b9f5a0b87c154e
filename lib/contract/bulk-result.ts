// What a review or revoke answers: one outcome for every distinct id it named.

export type ReviewAction = "approve" | "deny";

export interface IdOutcome {
  id: number;
  ok: boolean;
  /** GitHub's HTTP status when the id failed (absent when GitHub was never reached). */
  status?: number;
  error?: string;
  /**
   * Why it failed, when it did: a GitHub error code (`validation_failed`, `not_found`,
   * `missing_permission`, `rate_limited`, …), `not_applied` (GitHub's answer was unclear, a
   * re-read shows nothing changed: safe to retry), `outcome_unknown` (unclear answer, and a
   * re-read could not tell: reload before retrying) or `skipped` (GitHub no longer listed it as
   * pending or active just before sending, so it was not sent). Nothing is ever resent automatically.
   */
  code?: string;
  /**
   * Set when `ok` was inferred rather than answered: GitHub's answer was unclear (5xx, timeout,
   * broken connection) and a re-read no longer lists the id. The audit trail records it as `inferred`.
   */
  inferred?: true;
}

export interface BulkResult {
  results: IdOutcome[];
  accepted: number;
  /** Not sent: no longer pending or active when re-checked just before sending. */
  skipped: number;
  /** Every other id that did not go through. */
  failed: number;
}

/** `GET /api/orgs/{org}/rate-limit`: whether Grantdesk is waiting out a GitHub rate limit for the org. */
export interface RateLimitStatus {
  /** Seconds until the wait ends (GitHub's `retry-after`, counted on the server); null when not waiting. */
  retryInSeconds: number | null;
}
