import "server-only";
import type { OrgSummary } from "@/lib/contract/pat-rows";
import { getOrgMembership } from "@/lib/github/get-org-membership";
import { GitHubError } from "@/lib/github/github-error";
import { installedOrgList, isInstalledOrg } from "@/lib/inventory/installed-org-list";
import { createOrgAccessCheck, type MemberIdentity, type OrgAccess } from "./org-access-cache";

export type { OrgAccess } from "./org-access-cache";

/**
 * Whether the user (login and GitHub id) is an active owner of `org`. An org missing from
 * Grantdesk's list of installations is refused without asking GitHub; otherwise GitHub is asked
 * with the installation token (cached 30 s).
 */
export const checkOrgAccess: (org: string, user: MemberIdentity) => Promise<OrgAccess> = createOrgAccessCheck(async (org, login) => {
  try {
    return await getOrgMembership(org, login);
  } catch (error) {
    // Uninstalled since the list was last refreshed.
    if (error instanceof GitHubError && error.code === "not_installed") return "not_installed";
    throw error;
  }
}, isInstalledOrg);

/** The orgs where the app is installed (by Grantdesk's list, not asking GitHub for it) and the user is an active owner. */
export async function listOwnedOrgs(user: MemberIdentity): Promise<OrgSummary[]> {
  const installed = await installedOrgList();
  const access = await Promise.all(installed.map((org) => checkOrgAccess(org.login, user)));
  return installed.filter((_, index) => access[index] === "owner");
}
