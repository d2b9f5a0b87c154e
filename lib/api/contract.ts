// The JSON that Grantdesk's own API routes send to the browser. Shared by route handlers and
// client pages; deliberately slimmer than GitHub's rows (no URL fields the UI never shows).

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
