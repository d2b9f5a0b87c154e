// The rows Grantdesk's API routes answer and its pages show: slimmer than GitHub's (no URL fields
// the pages never use), times as full UTC ISO 8601 strings.

/** Why a request or token is no longer listed by GitHub. */
export const GONE_REASONS = {
  approved: "Approved in Grantdesk",
  denied: "Denied in Grantdesk",
  revoked: "Revoked in Grantdesk",
  reviewed_outside: "Reviewed outside Grantdesk",
  approved_outside: "Approved outside Grantdesk",
  denied_outside: "Denied outside Grantdesk",
  cancelled: "Withdrawn by its owner",
  revoked_outside: "Revoked on GitHub",
  expired: "Expired",
} as const;
export type GoneReason = keyof typeof GONE_REASONS;

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

export interface PatRowBase {
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
  /** Set when GitHub no longer lists it (kept by Grantdesk as history); null while it is listed. */
  gone: { at: string; reason: GoneReason } | null;
}

export interface PatRequestRow extends PatRowBase {
  reason: string | null;
  createdAt: string;
}

export interface PatTokenRow extends PatRowBase {
  accessGrantedAt: string;
}

/** Pending requests are reviewed, active tokens revoked; their ids are separate spaces at GitHub. */
export type PatResource = "requests" | "tokens";

export interface PatRows {
  requests: PatRequestRow;
  tokens: PatTokenRow;
}

export interface RepositoryRow {
  id: number;
  name: string;
  fullName: string;
  private: boolean;
  htmlUrl: string;
}

export interface OrgSummary {
  login: string;
  id: number;
  avatarUrl: string;
}

/** One page of a list: every list route answers this shape. */
export interface Page<T> {
  items: T[];
  page: number;
  perPage: number;
  hasNextPage: boolean;
  /** The last page number when it is known, else null. */
  lastPage: number | null;
}
