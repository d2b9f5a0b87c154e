// The payloads of the webhook events fake-github sends, shaped by GitHub's webhook schemas
// (@octokit/openapi-webhooks; the types come from @octokit/openapi-webhooks-types, so a field the
// schema requires cannot be left out). Note what GitHub leaves out: `personal_access_token_request`
// has no `reason` (a receiver reads it from the list endpoint) and never names the reviewer other
// than as `sender`.

import type { components } from "@octokit/openapi-webhooks-types";
import type { GitHubApp } from "./apps";
import { installationJson, nodeId, organizationSimple, pacificTime, simpleUser } from "./render";
import type { Installation, Org, PatRequest, World } from "./world";

type Schemas = components["schemas"];
export type SimpleUser = Schemas["simple-user"];
export type PatRequestAction = "created" | "approved" | "denied" | "cancelled";
export type InstallationAction = "created" | "deleted" | "suspend" | "unsuspend";

function simpleInstallation(installation: Installation): Schemas["simple-installation"] {
  return { id: installation.id, node_id: nodeId("023:Installation", installation.id) };
}

function repositoryRefs(org: Org, ids: number[]) {
  return ids.map((id) => {
    const repository = org.repositoryById.get(id)!;
    return {
      id: repository.id,
      node_id: nodeId("010:Repository", repository.id),
      name: repository.name,
      full_name: `${org.login}/${repository.name}`,
      private: repository.private,
    };
  });
}

const emptyPermissions = () => ({ organization: {}, repository: {}, other: {} });

/** The `personal-access-token-request` object of the webhook (not the REST list's shape). */
function patRequestObject(origin: string, world: World, org: Org, request: PatRequest, now: number): Schemas["personal-access-token-request"] {
  const subset = request.repositorySelection === "subset";
  return {
    id: request.id,
    owner: simpleUser(origin, world.users.get(request.ownerId)!),
    permissions_added: request.permissions,
    // A new request adds what it asks for; fake-github models no upgrades of an approved grant.
    permissions_upgraded: emptyPermissions(),
    permissions_result: request.permissions,
    repository_selection: request.repositorySelection,
    repository_count: subset ? request.repositoryIds.length : null,
    repositories: subset ? repositoryRefs(org, request.repositoryIds) : null,
    created_at: pacificTime(request.createdAt),
    token_id: request.tokenId,
    token_name: request.tokenName,
    token_expired: request.tokenExpiresAt !== null && request.tokenExpiresAt <= now,
    token_expires_at: request.tokenExpiresAt === null ? null : pacificTime(request.tokenExpiresAt),
    token_last_used_at: request.tokenLastUsedAt === null ? null : pacificTime(request.tokenLastUsedAt),
  };
}

export function patRequestPayload(
  origin: string,
  world: World,
  org: Org,
  request: PatRequest,
  action: PatRequestAction,
  sender: SimpleUser,
  installation: Installation,
): Schemas["webhook-personal-access-token-request-created"] | Schemas["webhook-personal-access-token-request-approved"] {
  return {
    action,
    personal_access_token_request: patRequestObject(origin, world, org, request, Date.now()),
    organization: organizationSimple(origin, org),
    sender,
    installation: simpleInstallation(installation),
  } as Schemas["webhook-personal-access-token-request-approved"];
}

export function installationPayload(origin: string, world: World, installation: Installation, app: GitHubApp, action: InstallationAction, sender: SimpleUser) {
  const org = world.orgById.get(installation.orgId)!;
  const repositoryIds = installation.repositorySelection === "all" ? org.repositories.map((repository) => repository.id) : installation.repositoryIds;
  const payload: Schemas["webhook-installation-created"] = {
    action: "created",
    installation: installationJson(origin, world, installation, app) as Schemas["installation"],
    repositories: repositoryRefs(org, repositoryIds),
    organization: organizationSimple(origin, org),
    requester: null,
    sender,
  };
  return { ...payload, action };
}

export function installationRepositoriesPayload(
  origin: string,
  world: World,
  installation: Installation,
  app: GitHubApp,
  change: { added: number[]; removed: number[] },
  sender: SimpleUser,
): Schemas["webhook-installation-repositories-added"] | Schemas["webhook-installation-repositories-removed"] {
  const org = world.orgById.get(installation.orgId)!;
  return {
    action: change.added.length > 0 ? "added" : "removed",
    installation: installationJson(origin, world, installation, app) as Schemas["installation"],
    organization: organizationSimple(origin, org),
    repository_selection: installation.repositorySelection,
    repositories_added: repositoryRefs(org, change.added),
    repositories_removed: repositoryRefs(org, change.removed),
    requester: null,
    sender,
  } as Schemas["webhook-installation-repositories-added"];
}
