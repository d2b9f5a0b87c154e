// Changes to the world that GitHub announces with webhooks, in one place so that every path to a
// change (the REST endpoints Grantdesk calls, the control API, the demo page, the manifest and
// install pages) sends the same events:
// - personal_access_token_request created / approved / denied / cancelled, to every app installed
//   on the org (not suspended) that subscribes to the event and may read PAT requests;
// - installation created / deleted / suspend / unsuspend and installation_repositories, to the app
//   concerned (GitHub always sends an app its installation events).
// Revoking a token and a token expiring have no webhook on GitHub, so none is sent.

import type { GitHubApp } from "./apps";
import { grants } from "./auth";
import { generatePermissions, type PermissionSet } from "./permissions";
import type { RepositorySelection } from "./pat-index";
import { botUser, simpleUser } from "./render";
import type { FakeState } from "./state";
import { TOKEN_NAME_SUFFIXES, TOKEN_NAMES, REASONS } from "./vocabulary";
import {
  installationPayload,
  installationRepositoriesPayload,
  patRequestPayload,
  type InstallationAction,
  type PatRequestAction,
  type SimpleUser,
} from "./webhook-payloads";
import { cancelRequest, reviewRequest, installationOf, type Installation, type Org, type PatRequest } from "./world";

const DAY = 86_400_000;
/** GitHub's default lifetime for a new fine-grained token. */
export const DEFAULT_TOKEN_LIFETIME_DAYS = 30;

/** Who made a change: a person, or an app acting through an installation token (its bot). */
export type Actor = { kind: "user"; userId: number } | { kind: "app"; appId: number };

export function senderOf(state: FakeState, actor: Actor): SimpleUser {
  if (actor.kind === "user") return simpleUser(state.origin, state.world.users.get(actor.userId)!);
  // An app registered in an earlier world (before a reset) keeps its id; its slug is gone.
  return botUser(state.origin, state.apps.get(actor.appId) ?? { id: actor.appId, slug: `app-${actor.appId}` });
}

/** The first active owner of an org: who fake-github says acted when a control names no one. */
export function firstOwner(org: Org): number | null {
  for (const [userId, membership] of org.members) if (membership.role === "admin" && membership.state === "active") return userId;
  return null;
}

function notifyPatRequest(state: FakeState, org: Org, request: PatRequest, action: PatRequestAction, actor: Actor): void {
  for (const installation of state.world.installations.values()) {
    if (installation.orgId !== org.id || installation.suspendedAt !== null) continue;
    const app = state.apps.get(installation.appId);
    if (!app || !installation.events.includes("personal_access_token_request")) continue;
    if (!grants(installation.permissions, "organization_personal_access_token_requests", "read")) continue;
    const payload = patRequestPayload(state.origin, state.world, org, request, action, senderOf(state, actor), installation);
    state.webhooks.send(app, { event: "personal_access_token_request", action, installationId: installation.id, payload });
  }
}

export interface NewRequest {
  owner?: string;
  tokenName?: string;
  reason?: string | null;
  permissions?: Partial<PermissionSet>;
  repositorySelection?: RepositorySelection;
  repositories?: string[];
  /** Epoch ms, or null for a token that never expires. */
  tokenExpiresAt?: number | null;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; error: string };

/** A member asks for a token's access to `org`: a new pending request, and its `created` event. */
export function createPatRequest(state: FakeState, org: Org, input: NewRequest): Outcome<PatRequest> {
  const { world, rng } = state;
  let ownerId: number;
  if (input.owner !== undefined) {
    const user = world.userByLogin.get(input.owner.toLowerCase());
    if (!user) return { ok: false, status: 404, error: `no user named ${input.owner}` };
    if (org.members.get(user.id)?.state !== "active") return { ok: false, status: 400, error: `${user.login} is not an active member of ${org.login}` };
    ownerId = user.id;
  } else {
    const active = [...org.members].filter(([, membership]) => membership.state === "active").map(([id]) => id);
    if (active.length === 0) return { ok: false, status: 400, error: `${org.login} has no active member` };
    ownerId = rng.pick(active);
  }

  const generated = generatePermissions(rng);
  const permissions: PermissionSet = input.permissions
    ? { organization: { ...input.permissions.organization }, repository: { ...input.permissions.repository }, other: { ...input.permissions.other } }
    : generated.permissions;
  const wantsRepositories = Object.keys(permissions.repository).length > 0;
  const selection: RepositorySelection = input.repositorySelection ?? (input.repositories ? "subset" : wantsRepositories ? (rng.chance(0.25) ? "all" : "subset") : "none");
  if (selection === "none" && wantsRepositories) return { ok: false, status: 400, error: "repository permissions need repositorySelection all or subset" };
  if (input.repositories && selection !== "subset") return { ok: false, status: 400, error: "repositories are only given with repositorySelection subset" };
  let repositoryIds: number[] = [];
  if (selection === "subset") {
    if (input.repositories) {
      const unknown = input.repositories.find((name) => !org.repositoryByName.has(name.toLowerCase()));
      if (unknown !== undefined) return { ok: false, status: 400, error: `${org.login} has no repository named ${unknown}` };
      repositoryIds = [...new Set(input.repositories.map((name) => org.repositoryByName.get(name.toLowerCase())!.id))];
    } else {
      repositoryIds = rng.sample(org.repositories, rng.int(1, 5)).map((repository) => repository.id);
    }
    // Kept in name order, as the seeded records are.
    const position = new Map(org.repositories.map((repository, i) => [repository.id, i]));
    repositoryIds.sort((a, b) => position.get(a)! - position.get(b)!);
  }
  if (selection !== "none") permissions.repository.metadata ??= "read";

  const now = Date.now();
  const request: PatRequest = {
    id: org.nextRequestId++,
    tokenId: org.nextTokenId++,
    tokenName: input.tokenName ?? `${rng.pick(TOKEN_NAMES)}${rng.pick(TOKEN_NAME_SUFFIXES)}`,
    ownerId,
    permissions,
    repositorySelection: selection,
    repositoryIds,
    tokenExpiresAt: input.tokenExpiresAt === undefined ? now + DEFAULT_TOKEN_LIFETIME_DAYS * DAY : input.tokenExpiresAt,
    tokenLastUsedAt: null,
    reason: input.reason === undefined ? rng.pick(REASONS) : input.reason,
    createdAt: now,
    status: "pending",
    reviewedAt: null,
    reviewReason: null,
    grantId: null,
  };
  org.requests.add(request);
  org.counts.pendingRequests++;
  notifyPatRequest(state, org, request, "created", { kind: "user", userId: ownerId });
  return { ok: true, value: request };
}

/** Approves or denies a pending request and announces it; false when it was not pending. */
export function reviewPatRequest(state: FakeState, org: Org, request: PatRequest, action: "approve" | "deny", reason: string | null, actor: Actor): boolean {
  if (!reviewRequest(org, request, action, reason, Date.now())) return false;
  notifyPatRequest(state, org, request, action === "approve" ? "approved" : "denied", actor);
  return true;
}

/** The requester withdraws a pending request. */
export function cancelPatRequest(state: FakeState, org: Org, request: PatRequest): boolean {
  if (!cancelRequest(org, request, Date.now())) return false;
  notifyPatRequest(state, org, request, "cancelled", { kind: "user", userId: request.ownerId });
  return true;
}

/** The token expires now: every record of it in the org (request and grant) says so. */
export function expireToken(org: Org, tokenId: number, at: number): void {
  for (const record of [...org.requests.all(), ...org.grants.all()]) {
    if (record.tokenId === tokenId && (record.tokenExpiresAt === null || record.tokenExpiresAt > at)) record.tokenExpiresAt = at;
  }
}

function notifyInstallation(state: FakeState, app: GitHubApp, installation: Installation, action: InstallationAction, actor: Actor): void {
  const payload = installationPayload(state.origin, state.world, installation, app, action, senderOf(state, actor));
  state.webhooks.send(app, { event: "installation", action, installationId: installation.id, payload });
}

/** Installs `app` on `org` with everything it asks for, on all repositories. */
export function installApp(state: FakeState, app: GitHubApp, org: Org, actor: Actor): Outcome<Installation> {
  if (installationOf(state.world, app.id, org)) return { ok: false, status: 409, error: `${app.slug} is already installed on ${org.login}` };
  const now = Date.now();
  const installation: Installation = {
    id: state.world.nextInstallationId++,
    appId: app.id,
    orgId: org.id,
    createdAt: now,
    updatedAt: now,
    suspendedAt: null,
    suspendedById: null,
    repositorySelection: "all",
    repositoryIds: [],
    permissions: { ...app.permissions },
    events: [...app.events],
  };
  state.world.installations.set(installation.id, installation);
  notifyInstallation(state, app, installation, "created", actor);
  return { ok: true, value: installation };
}

/** Uninstalls: the installation and its tokens are gone, and the app hears `deleted`. */
export function uninstallApp(state: FakeState, installation: Installation, actor: Actor): void {
  const app = state.apps.get(installation.appId);
  if (app) notifyInstallation(state, app, installation, "deleted", actor);
  state.world.installations.delete(installation.id);
}

export function setSuspended(state: FakeState, installation: Installation, suspended: boolean, actor: Actor): boolean {
  if ((installation.suspendedAt !== null) === suspended) return false;
  const now = Date.now();
  installation.suspendedAt = suspended ? now : null;
  installation.suspendedById = suspended && actor.kind === "user" ? actor.userId : null;
  installation.updatedAt = now;
  const app = state.apps.get(installation.appId);
  if (app) notifyInstallation(state, app, installation, suspended ? "suspend" : "unsuspend", actor);
  return true;
}

/**
 * Changes which repositories an installation reaches (`all`, or a named selection) and sends
 * `installation_repositories` with what was added and removed, as GitHub does.
 */
export function setInstallationRepositories(state: FakeState, installation: Installation, org: Org, repositoryIds: number[] | "all", actor: Actor): void {
  const before = new Set(installation.repositorySelection === "all" ? org.repositories.map((repository) => repository.id) : installation.repositoryIds);
  const after = new Set(repositoryIds === "all" ? org.repositories.map((repository) => repository.id) : repositoryIds);
  installation.repositorySelection = repositoryIds === "all" ? "all" : "selected";
  installation.repositoryIds = repositoryIds === "all" ? [] : org.repositories.filter((repository) => after.has(repository.id)).map((repository) => repository.id);
  installation.updatedAt = Date.now();
  const added = org.repositories.filter((repository) => after.has(repository.id) && !before.has(repository.id)).map((repository) => repository.id);
  const removed = org.repositories.filter((repository) => before.has(repository.id) && !after.has(repository.id)).map((repository) => repository.id);
  const app = state.apps.get(installation.appId);
  if (!app || (added.length === 0 && removed.length === 0)) return;
  const payload = installationRepositoriesPayload(state.origin, state.world, installation, app, { added, removed }, senderOf(state, actor));
  state.webhooks.send(app, { event: "installation_repositories", action: payload.action, installationId: installation.id, payload });
}

/** One request from a random active member of a random org that has the default app installed. */
export function autoRequest(state: FakeState): void {
  const orgs = state.world.orgs.filter((org) => installationOf(state.world, state.defaultApp.id, org));
  if (orgs.length > 0) createPatRequest(state, state.rng.pick(orgs), {});
}
