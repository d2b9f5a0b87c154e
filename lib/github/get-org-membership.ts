import "server-only";
import { MEMBERS_READ } from "./app-permissions";
import { toGitHubError } from "./github-error";
import { github } from "./shared-client";
import type { GitHubOrgMembership } from "./map-github-rows";

export interface OrgMembership {
  /** `admin` is an org owner. */
  role: GitHubOrgMembership["role"];
  /** `pending`: invited, not yet joined. */
  state: GitHubOrgMembership["state"];
  /** The GitHub user id the membership belongs to: a login can change hands, an id cannot. */
  userId: number;
}

/**
 * The user's membership of the org (`GET /orgs/{org}/memberships/{username}`, with the
 * installation token), or null when they are not a member. Rejects with GitHubError
 * `not_installed` when the app is not installed on the org, `missing_permission` without
 * "Members" (read).
 */
export async function getOrgMembership(org: string, username: string, client = github()): Promise<OrgMembership | null> {
  try {
    const response = await client.request(`GET /orgs/${encodeURIComponent(org)}/memberships/${encodeURIComponent(username)}`);
    const membership = response.data as GitHubOrgMembership;
    return { role: membership.role, state: membership.state, userId: Number(membership.user?.id ?? 0) };
  } catch (error) {
    const failure = toGitHubError(error, { org, permission: MEMBERS_READ, timeoutMs: client.timeoutMs });
    if (failure?.code === "not_found") return null;
    throw failure ?? error;
  }
}
