// GitHub's fine-grained permission names, by category, with the levels each accepts. Taken from
// the `app-permissions` schema of GitHub's OpenAPI description (@octokit/openapi), which lists the
// same names a fine-grained PAT asks for. The `permission` list filter (`issues_write`) is
// validated against this catalogue.

import type { Rng } from "./prng";

export type PermissionCategory = "organization" | "repository" | "other";
export type PermissionLevel = "read" | "write" | "admin";

export interface PermissionSet {
  organization: Record<string, string>;
  repository: Record<string, string>;
  other: Record<string, string>;
}

const RW: readonly PermissionLevel[] = ["read", "write"];
const RWA: readonly PermissionLevel[] = ["read", "write", "admin"];

export const PERMISSION_CATALOGUE: Record<PermissionCategory, Record<string, readonly PermissionLevel[]>> = {
  repository: {
    actions: RW, administration: RW, artifact_metadata: RW, attestations: RW, checks: RW,
    code_quality: RW, codespaces: RW, contents: RW, dependabot_secrets: RW, deployments: RW,
    discussions: RW, environments: RW, issues: RW, merge_queues: RW, metadata: RW, packages: RW,
    pages: RW, pull_requests: RW, repository_custom_properties: RW, repository_hooks: RW,
    repository_projects: RWA, secret_scanning_alerts: RW, secrets: RW, security_events: RW,
    single_file: RW, statuses: RW, vulnerability_alerts: RW, workflows: ["write"],
  },
  organization: {
    custom_properties_for_organizations: RW, members: RW, organization_administration: RW,
    organization_custom_roles: RW, organization_custom_org_roles: RW, organization_custom_properties: RWA,
    organization_copilot_seat_management: RW, organization_copilot_agent_settings: RW,
    organization_announcement_banners: RW, organization_events: ["read"], organization_hooks: RW,
    organization_personal_access_tokens: RW, organization_personal_access_token_requests: RW,
    organization_plan: ["read"], organization_projects: RWA, organization_packages: RW,
    organization_secrets: RW, organization_self_hosted_runners: RW, organization_user_blocking: RW,
  },
  other: {
    email_addresses: RW, followers: RW, git_ssh_keys: RW, gpg_keys: RW, interaction_limits: RW,
    profile: ["write"], starring: RW,
  },
};

const CATEGORY_OF = new Map<string, PermissionCategory>();
for (const category of Object.keys(PERMISSION_CATALOGUE) as PermissionCategory[]) {
  for (const name of Object.keys(PERMISSION_CATALOGUE[category])) CATEGORY_OF.set(name, category);
}

/**
 * Parses a `permission` filter value such as `issues_write` or `organization_projects_admin`.
 * Returns null when the name is not a GitHub permission or the level is not one it accepts.
 */
export function parsePermissionFilter(value: string): { category: PermissionCategory; name: string; level: PermissionLevel } | null {
  const match = /^([a-z_]+)_(read|write|admin)$/.exec(value);
  if (!match) return null;
  const name = match[1]!;
  const level = match[2] as PermissionLevel;
  const category = CATEGORY_OF.get(name);
  if (!category || !PERMISSION_CATALOGUE[category][name]!.includes(level)) return null;
  return { category, name, level };
}

/** Every `name_level` key a permission set holds, e.g. ["contents_write", "metadata_read"]. */
export function permissionKeys(set: PermissionSet): string[] {
  const keys: string[] = [];
  for (const map of [set.organization, set.repository, set.other]) {
    for (const [name, level] of Object.entries(map)) keys.push(`${name}_${level}`);
  }
  return keys;
}

type Template = {
  repository?: Record<string, PermissionLevel>;
  organization?: Record<string, PermissionLevel>;
  other?: Record<string, PermissionLevel>;
  /** Whether the token reaches repositories at all (org-only templates pick selection "none"). */
  repos: boolean;
};

// Personas of real token use, so the data reads like a real org's queue.
const TEMPLATES: readonly (readonly [Template, number])[] = [
  [{ repos: true, repository: { contents: "write", deployments: "write", statuses: "write", actions: "read" } }, 9],
  [{ repos: true, repository: { contents: "read", issues: "read", pull_requests: "read" } }, 12],
  [{ repos: true, repository: { issues: "write", pull_requests: "read" } }, 8],
  [{ repos: true, repository: { contents: "write", pull_requests: "write", workflows: "write" } }, 7],
  [{ repos: true, repository: { secrets: "write", environments: "write", actions: "read" } }, 4],
  [{ repos: true, repository: { administration: "write", contents: "write", repository_hooks: "write" } }, 3],
  [{ repos: true, repository: { vulnerability_alerts: "read", security_events: "read", dependabot_secrets: "read" } }, 5],
  [{ repos: true, repository: { packages: "write", contents: "read" } }, 4],
  [{ repos: true, repository: { actions: "write", checks: "write", statuses: "read" } }, 5],
  [{ repos: true, repository: { contents: "read" }, organization: { members: "read" } }, 6],
  [{ repos: true, repository: { repository_projects: "admin", issues: "write" }, organization: { organization_projects: "admin" } }, 2],
  [{ repos: false, organization: { members: "read", organization_administration: "read" } }, 3],
  [{ repos: false, organization: { organization_copilot_seat_management: "write", members: "read" } }, 1],
  [{ repos: true, repository: { repository_hooks: "write" }, organization: { organization_hooks: "write" } }, 1],
  [{ repos: true, repository: { contents: "write", issues: "write", pull_requests: "write", administration: "read" }, other: { gpg_keys: "read" } }, 2],
  [{ repos: false, organization: { members: "write", organization_custom_org_roles: "read" }, other: { starring: "read" } }, 1],
];

const SPRINKLES: readonly (readonly [PermissionCategory, string, PermissionLevel])[] = [
  ["repository", "issues", "write"], ["repository", "issues", "read"], ["repository", "pull_requests", "write"],
  ["repository", "discussions", "read"], ["repository", "pages", "write"], ["repository", "codespaces", "read"],
  ["organization", "members", "read"], ["organization", "organization_secrets", "read"],
  ["organization", "organization_self_hosted_runners", "read"], ["organization", "organization_events", "read"],
];

/** A realistic permission set; `repos` says whether it reaches repositories. */
export function generatePermissions(rng: Rng): { permissions: PermissionSet; repos: boolean } {
  const template = rng.weighted(TEMPLATES);
  const permissions: PermissionSet = {
    organization: { ...template.organization },
    repository: { ...template.repository },
    other: { ...template.other },
  };
  if (rng.chance(0.3)) {
    const [category, name, level] = rng.pick(SPRINKLES);
    if (category === "organization" || template.repos) permissions[category][name] ??= level;
  }
  // GitHub adds metadata:read to every token that asks for any repository permission.
  if (Object.keys(permissions.repository).length > 0) permissions.repository.metadata = "read";
  return { permissions, repos: template.repos };
}
