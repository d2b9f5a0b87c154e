import "server-only";
import type { OrgSummary } from "@/lib/contract/pat-rows";
import { toGitHubError } from "./github-error";
import { parseLinkHeader } from "./parse-link-header";
import { github } from "./shared-client";
import { toOrgSummary, type GitHubInstallation } from "./map-github-rows";

const PER_PAGE = 100;
const MAX_PAGES = 100;

/**
 * The organizations the app is installed on (`GET /app/installations`, as the app), sorted by
 * login. User accounts and suspended installations are left out: Grantdesk cannot act there.
 * Each installation id is remembered, sparing the per-org lookup later.
 */
export async function listInstalledOrgs(client = github()): Promise<OrgSummary[]> {
  const orgs: OrgSummary[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    let response;
    try {
      response = await client.request(`GET /app/installations?per_page=${PER_PAGE}&page=${page}`);
    } catch (error) {
      throw toGitHubError(error, { timeoutMs: client.timeoutMs }) ?? error;
    }
    for (const installation of response.data as GitHubInstallation[]) {
      const account = installation.account;
      if (installation.target_type !== "Organization" || installation.suspended_at || !account || !("login" in account)) continue;
      client.rememberInstallation(account.login, installation.id);
      orgs.push(toOrgSummary(account));
    }
    if (!parseLinkHeader(response.headers.link, { page, perPage: PER_PAGE }).hasNextPage) break;
  }
  return orgs.sort((a, b) => a.login.localeCompare(b.login, "en", { sensitivity: "base" }));
}
