// GitHub's fine-grained permissions that an organization's PAT requests and grants can carry,
// with the access levels GitHub defines for each (from the `app-permissions` schema in
// `@octokit/openapi`; github-permissions.test.ts keeps this list in step with it). User-account
// permissions (email addresses, followers, …) never apply to an organization, so they are left out.

export type PermissionScope = "repository" | "organization";
export type PermissionLevel = "read" | "write" | "admin";

export interface PermissionDefinition {
  scope: PermissionScope;
  name: string;
  levels: readonly PermissionLevel[];
}

const RW = ["read", "write"] as const;
const RWA = ["read", "write", "admin"] as const;

const repository: Record<string, readonly PermissionLevel[]> = {
  actions: RW,
  administration: RW,
  artifact_metadata: RW,
  attestations: RW,
  checks: RW,
  code_quality: RW,
  codespaces: RW,
  contents: RW,
  dependabot_secrets: RW,
  deployments: RW,
  discussions: RW,
  environments: RW,
  interaction_limits: RW,
  issues: RW,
  merge_queues: RW,
  metadata: RW,
  packages: RW,
  pages: RW,
  pull_requests: RW,
  repository_custom_properties: RW,
  repository_hooks: RW,
  repository_projects: RWA,
  secret_scanning_alerts: RW,
  secrets: RW,
  security_events: RW,
  single_file: RW,
  statuses: RW,
  vulnerability_alerts: RW,
  workflows: ["write"],
};

const organization: Record<string, readonly PermissionLevel[]> = {
  custom_properties_for_organizations: RW,
  members: RW,
  organization_administration: RW,
  organization_announcement_banners: RW,
  organization_copilot_agent_settings: RW,
  organization_copilot_seat_management: RW,
  organization_custom_org_roles: RW,
  organization_custom_properties: RWA,
  organization_custom_roles: RW,
  organization_events: ["read"],
  organization_hooks: RW,
  organization_packages: RW,
  organization_personal_access_token_requests: RW,
  organization_personal_access_tokens: RW,
  organization_plan: ["read"],
  organization_projects: RWA,
  organization_secrets: RW,
  organization_self_hosted_runners: RW,
  organization_user_blocking: RW,
};

function definitions(scope: PermissionScope, table: Record<string, readonly PermissionLevel[]>): PermissionDefinition[] {
  return Object.entries(table).map(([name, levels]) => ({ scope, name, levels }));
}

export const PERMISSIONS: readonly PermissionDefinition[] = [
  ...definitions("organization", organization),
  ...definitions("repository", repository),
];

/** A value of GitHub's list filter `permission`, e.g. `issues_write`. */
export interface PermissionFilterOption {
  value: string;
  name: string;
  level: PermissionLevel;
  scope: PermissionScope;
}

export const PERMISSION_FILTER_OPTIONS: readonly PermissionFilterOption[] = PERMISSIONS.flatMap((permission) =>
  permission.levels.map((level) => ({
    value: `${permission.name}_${level}`,
    name: permission.name,
    level,
    scope: permission.scope,
  })),
);

const filterValues = new Set(PERMISSION_FILTER_OPTIONS.map((option) => option.value));

export function isPermissionFilterValue(value: string): boolean {
  return filterValues.has(value);
}
