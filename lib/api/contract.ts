// The JSON that Grantdesk's own API routes send to the browser. Shared by route handlers and
// client pages; deliberately slimmer than GitHub's rows (no URL fields the UI never shows). The two
// PAT lists send their pages column by column (pat-list-wire.ts) and the browser reads them back
// into these rows.

export type RepositorySelection = "none" | "all" | "subset";

/** GitHub's permission map: permission name → "read" | "write" | "admin" (other values kept as sent). */
export interface PermissionSet {
  organization: Record<string, string>;
  repository: Record<string, string>;
  other: Record<string, string>;
}

export interface Owner {
  login: string;
  id: number;
  avatarUrl: string;
}

interface PatRowBase {
  /** The request's id (requests) or the grant's id (tokens): what review/revoke take. */
  id: number;
  tokenId: number;
  tokenName: string;
  owner: Owner;
  repositorySelection: RepositorySelection;
  permissions: PermissionSet;
  tokenExpired: boolean;
  /** Times are UTC ISO strings to the minute, as the pages show them. */
  tokenExpiresAt: string | null;
  tokenLastUsedAt: string | null;
}

export interface PatRequestRow extends PatRowBase {
  reason: string | null;
  createdAt: string;
}

export interface PatTokenRow extends PatRowBase {
  accessGrantedAt: string;
}

export interface RepositoryRow {
  id: number;
  name: string;
  fullName: string;
  private: boolean;
  htmlUrl: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  perPage: number;
  hasNextPage: boolean;
  /** The last page number when GitHub's Link header says it, else null. */
  lastPage: number | null;
}

export interface IdOutcome {
  id: number;
  ok: boolean;
  /** GitHub's HTTP status when the id failed (absent when GitHub was never reached). */
  status?: number;
  error?: string;
  /**
   * Why it failed, when it did: a GitHub error code (`validation_failed`, `not_found`,
   * `missing_permission`, `rate_limited`, …), `not_applied` (GitHub's answer was unclear, a
   * re-read shows nothing changed: safe to retry) or `outcome_unknown` (unclear answer, and a
   * re-read could not tell: reload before retrying). Nothing is ever resent automatically.
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
  failed: number;
}

export interface OrgSummary {
  login: string;
  id: number;
  avatarUrl: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; retryAfter?: number };
}

export const AUDIT_ACTIONS = ["approve", "deny", "revoke"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
/**
 * `accepted`: GitHub said so. `inferred`: GitHub's answer was unclear, and a re-read no longer
 * lists the id, so it was very likely applied. `unknown`: GitHub's answer was unclear even after a
 * re-read, or no outcome was ever recorded.
 */
export const AUDIT_OUTCOMES = ["accepted", "inferred", "failed", "unknown"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One id of one action in the audit trail (`GET /api/orgs/{org}/audit`, and each export row). */
export interface AuditRecord {
  /** Shared by every id the one user action sent. */
  batchId: string;
  /** When the action was recorded, just before it was sent to GitHub. */
  at: string;
  org: string;
  /** The signed-in owner who acted (not the app's bot). */
  actor: { login: string; id: number };
  action: AuditAction;
  /** The request id (approve, deny) or the token grant id (revoke). */
  targetId: number;
  /** The token as GitHub described it just before sending; null when GitHub could not confirm it. */
  token: { id: number; name: string; ownerLogin: string } | null;
  /** The review's reason or the revoke's note. */
  reason: string | null;
  outcome: AuditOutcome;
  /** GitHub's HTTP status, when it refused or answered unclearly. */
  status: number | null;
  code: string | null;
  message: string | null;
  /** When the outcome was recorded; null if it never was (still sending, or Grantdesk stopped mid-action). */
  outcomeAt: string | null;
}

/** Where an org's audit chain first stops matching its records, in words a person can act on. */
export interface AuditChainBreak {
  /** The link's place in the org's chain; null for records no link covers. */
  position: number | null;
  batchId: string;
  /** What the link appended: an action's intent (its own record and its ids) or outcomes. */
  kind: "intent" | "outcomes";
  /** The request or grant id whose record is wrong, when it is one id's record. */
  targetId: number | null;
  problem: string;
}

/** `GET /api/orgs/{org}/audit/verify` (and `npm run audit:verify`): the org's hash chain, checked. */
export interface AuditChainVerification {
  /** The org's name in lower case. */
  org: string;
  ok: boolean;
  /** Links that checked out (all of them when ok). */
  links: number;
  /** The last good link's hash: keep it elsewhere to tell later that nothing before it was rewritten. */
  head: string | null;
  /** Actions recorded before the chain existed (an upgrade): not covered by it, so not checked. */
  beforeChain: number;
  firstBreak: AuditChainBreak | null;
}

/** `GET /api/orgs/{org}/rate-limit`: whether Grantdesk's GitHub client is waiting out a rate limit. */
export interface RateLimitStatus {
  /** Seconds until the wait ends (GitHub's `retry-after`, counted on the server); null when not waiting. */
  retryInSeconds: number | null;
}
