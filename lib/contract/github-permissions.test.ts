import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { PERMISSIONS, PERMISSION_FILTER_OPTIONS, isPermissionFilterValue } from "./github-permissions";

// Permissions in GitHub's schema that belong to a user account or an enterprise, never to an
// organization's PAT policy.
const NOT_ORGANIZATION_PAT = ["email_addresses", "followers", "git_ssh_keys", "gpg_keys", "profile", "starring", "enterprise_custom_properties_for_organizations"];

function githubAppPermissions(): Record<string, { enum?: string[] }> {
  const require = createRequire(import.meta.url);
  const path = require.resolve("@octokit/openapi/generated/api.github.com.json");
  const spec = JSON.parse(readFileSync(path, "utf8")) as {
    components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
  };
  const schema = spec.components.schemas["app-permissions"];
  if (!schema) throw new Error("app-permissions schema missing from @octokit/openapi");
  return schema.properties;
}

describe("permission catalogue", () => {
  const schema = githubAppPermissions();

  it("lists every organization-relevant permission of GitHub's schema with GitHub's levels", () => {
    const expected = Object.entries(schema)
      .filter(([name]) => !NOT_ORGANIZATION_PAT.includes(name))
      .map(([name, property]) => [name, property.enum] as const)
      .sort(([a], [b]) => a.localeCompare(b));
    const actual = PERMISSIONS.map((permission) => [permission.name, [...permission.levels]] as const).sort(([a], [b]) =>
      a.localeCompare(b),
    );
    expect(actual).toEqual(expected);
  });

  it("offers name_level filter values, including admin only where GitHub has it", () => {
    expect(isPermissionFilterValue("issues_write")).toBe(true);
    expect(isPermissionFilterValue("members_read")).toBe(true);
    expect(isPermissionFilterValue("organization_projects_admin")).toBe(true);
    expect(isPermissionFilterValue("issues_admin")).toBe(false);
    expect(isPermissionFilterValue("workflows_read")).toBe(false);
    expect(isPermissionFilterValue("email_addresses_read")).toBe(false);
    expect(new Set(PERMISSION_FILTER_OPTIONS.map((option) => option.value)).size).toBe(PERMISSION_FILTER_OPTIONS.length);
  });
});
