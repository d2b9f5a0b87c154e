// The model of fake-github's world and the names tests and the demo can rely on.

import { PatIndex, type PatRecordBase } from "./pat-index";

/** Orgs every seed creates. acme and globex have the default app installed; initech does not. */
export const ORGS = {
  acme: { login: "acme", id: 9_100_001, name: "Acme Corporation", installationId: 101 },
  globex: { login: "globex", id: 9_100_002, name: "Globex", installationId: 102 },
  initech: { login: "initech", id: 9_100_003, name: "Initech", installationId: null },
} as const;

/**
 * Users every seed creates, with fixed ids.
 * - mona: owner (admin) of acme and globex.
 * - octocat: owner of globex, plain member of acme.
 * - hubot: plain member of acme and globex.
 * - billLumbergh / peterGibbons: owner / member of initech (where the app is not installed).
 */
export const USERS = {
  mona: { login: "mona", id: 1_001, name: "Mona Lisa Octocat" },
  octocat: { login: "octocat", id: 583_231, name: "The Octocat" },
  hubot: { login: "hubot", id: 480_938, name: "Hubot" },
  billLumbergh: { login: "bill-lumbergh", id: 1_002, name: "Bill Lumbergh" },
  peterGibbons: { login: "peter-gibbons", id: 1_003, name: "Peter Gibbons" },
} as const;

/** The users the OAuth sign-in page offers, in order. */
export const SIGN_IN_LOGINS = [USERS.mona.login, USERS.octocat.login, USERS.hubot.login, USERS.billLumbergh.login, USERS.peterGibbons.login] as const;

export const DEFAULT_APP_ID = 1;
export const DEFAULT_CLIENT_ID = "Iv1.grantdeskdemo";
export const DEFAULT_CLIENT_SECRET = "grantdesk-demo-client-secret";
export const DEFAULT_CALLBACK_URLS = [
  "http://localhost:3000/api/auth/callback/github",
  "http://127.0.0.1:3000/api/auth/callback/github",
] as const;
export const APP_SLUG = "grantdesk";
export const APP_NAME = "Grantdesk";

/** The webhook events the default app subscribes to. */
export const DEFAULT_APP_EVENTS = ["personal_access_token_request"];

/** What the app's installations may do: exactly what Grantdesk needs (see DESIGN.md). */
export const INSTALLATION_PERMISSIONS: Record<string, "read" | "write"> = {
  members: "read",
  organization_personal_access_token_requests: "write",
  organization_personal_access_tokens: "write",
};

export interface User {
  id: number;
  login: string;
  name: string | null;
  email: string | null;
  company: string | null;
  location: string | null;
  bio: string | null;
  createdAt: number;
}

export interface Repository {
  id: number;
  name: string;
  description: string | null;
  private: boolean;
  visibility: "private" | "internal" | "public";
  language: string | null;
  topics: string[];
  archived: boolean;
  createdAt: number;
  pushedAt: number;
  stargazers: number;
  forks: number;
  openIssues: number;
  size: number;
}

export interface Membership {
  role: "admin" | "member";
  state: "active" | "pending";
}

export interface PatRequest extends PatRecordBase {
  reason: string | null;
  createdAt: number;
  /** `cancelled`: the requester withdrew it (only through the control API). */
  status: "pending" | "approved" | "denied" | "cancelled";
  /** When it was reviewed or cancelled. */
  reviewedAt: number | null;
  reviewReason: string | null;
  /** The grant an approval created. */
  grantId: number | null;
}

export interface PatGrant extends PatRecordBase {
  accessGrantedAt: number;
  status: "active" | "revoked";
  revokedAt: number | null;
  /** The request whose approval created this grant, when it happened in this run. */
  requestId: number | null;
}

export interface OrgCounts {
  pendingRequests: number;
  activeTokens: number;
  revokedTokens: number;
  reviewedRequests: number;
  cancelledRequests: number;
}

export interface Org {
  id: number;
  login: string;
  name: string;
  description: string;
  createdAt: number;
  members: Map<number, Membership>;
  /** Ordered by name. */
  repositories: Repository[];
  repositoryById: Map<number, Repository>;
  /** Keyed by lower-cased name. */
  repositoryByName: Map<string, Repository>;
  requests: PatIndex<PatRequest>;
  grants: PatIndex<PatGrant>;
  nextRequestId: number;
  nextGrantId: number;
  /** Token ids are shared by an org's requests and grants (a token keeps its id when approved). */
  nextTokenId: number;
  counts: OrgCounts;
}

/** An app's installation on an org. Installations are org-wide unless repositories were deselected. */
export interface Installation {
  id: number;
  appId: number;
  orgId: number;
  createdAt: number;
  updatedAt: number;
  suspendedAt: number | null;
  suspendedById: number | null;
  repositorySelection: "all" | "selected";
  /** For `selected`: the repositories, ordered by name. */
  repositoryIds: number[];
  permissions: Record<string, string>;
  events: string[];
}

export interface World {
  /** The instant the world was built; every seeded timestamp is an offset from it. */
  now: number;
  users: Map<number, User>;
  /** Keyed by lower-cased login. */
  userByLogin: Map<string, User>;
  orgs: Org[];
  /** Keyed by lower-cased login (org names are case-insensitive on GitHub). */
  orgByLogin: Map<string, Org>;
  orgById: Map<number, Org>;
  installations: Map<number, Installation>;
  /** Installation ids only grow, so a reinstallation never reuses one. */
  nextInstallationId: number;
}

/** The installation of `appId` on `org`, suspended or not. */
export function installationOf(world: World, appId: number, org: Org): Installation | undefined {
  for (const installation of world.installations.values()) {
    if (installation.appId === appId && installation.orgId === org.id) return installation;
  }
  return undefined;
}

export function newRequestIndex(): PatIndex<PatRequest> {
  return new PatIndex<PatRequest>((request) => request.status === "pending");
}

export function newGrantIndex(): PatIndex<PatGrant> {
  return new PatIndex<PatGrant>((grant) => grant.status === "active");
}

/** Approves or denies a pending request; an approval creates an active grant for the same token. */
export function reviewRequest(org: Org, request: PatRequest, action: "approve" | "deny", reason: string | null, at: number): boolean {
  if (request.status !== "pending") return false;
  request.status = action === "approve" ? "approved" : "denied";
  request.reviewedAt = at;
  request.reviewReason = reason;
  org.requests.touch();
  org.counts.pendingRequests--;
  org.counts.reviewedRequests++;
  if (action === "deny") return true;
  const grant: PatGrant = {
    id: org.nextGrantId++,
    tokenId: request.tokenId,
    tokenName: request.tokenName,
    ownerId: request.ownerId,
    permissions: request.permissions,
    repositorySelection: request.repositorySelection,
    repositoryIds: request.repositoryIds,
    tokenExpiresAt: request.tokenExpiresAt,
    tokenLastUsedAt: request.tokenLastUsedAt,
    accessGrantedAt: at,
    status: "active",
    revokedAt: null,
    requestId: request.id,
  };
  org.grants.add(grant);
  request.grantId = grant.id;
  org.counts.activeTokens++;
  return true;
}

/** The requester withdraws a pending request. */
export function cancelRequest(org: Org, request: PatRequest, at: number): boolean {
  if (request.status !== "pending") return false;
  request.status = "cancelled";
  request.reviewedAt = at;
  org.requests.touch();
  org.counts.pendingRequests--;
  org.counts.cancelledRequests++;
  return true;
}

export function revokeGrant(org: Org, grant: PatGrant, at: number): boolean {
  if (grant.status !== "active") return false;
  grant.status = "revoked";
  grant.revokedAt = at;
  org.grants.touch();
  org.counts.activeTokens--;
  org.counts.revokedTokens++;
  return true;
}

/** The orgs a user belongs to (any state), split by role, for the sign-in page's labels. */
export function rolesOf(world: World, userId: number): { owner: string[]; member: string[] } {
  const owner: string[] = [];
  const member: string[] = [];
  for (const org of world.orgs) {
    const membership = org.members.get(userId);
    if (!membership) continue;
    (membership.role === "admin" ? owner : member).push(org.login);
  }
  return { owner, member };
}
