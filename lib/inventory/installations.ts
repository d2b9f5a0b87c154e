import "server-only";
import { and, eq, isNull, notInArray, sql } from "drizzle-orm";
import type { OrgSummary } from "@/lib/contract/pat-rows";
import { githubInstallations } from "@/lib/db/inventory-schema";
import type { Database } from "@/lib/db/open-database";
import type { GitHubClient } from "@/lib/github/create-github-client";
import { listInstalledOrgs } from "@/lib/github/list-installed-orgs";

// The organizations the app is installed on, kept in the database so every instance syncs and
// serves the same orgs: refreshed from GitHub (`GET /app/installations`) on a schedule and by
// installation webhooks. An org GitHub no longer lists is kept, marked removed.

/** Reads GitHub's list of installations and stores it; returns the orgs. */
export async function refreshInstallations(database: Database, client: GitHubClient): Promise<OrgSummary[]> {
  const orgs = await listInstalledOrgs(client);
  const now = new Date();
  for (const org of orgs) {
    const installationId = await client.installationIdFor(org.login);
    const values = { org: org.login.toLowerCase(), login: org.login, accountId: org.id, installationId, avatarUrl: org.avatarUrl, suspended: false, updatedAt: now, removedAt: null };
    await database.insert(githubInstallations).values(values).onConflictDoUpdate({ target: githubInstallations.org, set: values });
  }
  const current = orgs.map((org) => org.login.toLowerCase());
  await database
    .update(githubInstallations)
    .set({ removedAt: now, updatedAt: now })
    .where(and(isNull(githubInstallations.removedAt), current.length ? notInArray(githubInstallations.org, current) : sql`true`));
  return orgs;
}

/** The orgs the app is installed on (not suspended), as last refreshed. */
export async function installedOrgs(database: Database): Promise<OrgSummary[]> {
  const rows = await database
    .select()
    .from(githubInstallations)
    .where(and(isNull(githubInstallations.removedAt), eq(githubInstallations.suspended, false)))
    .orderBy(githubInstallations.org);
  return rows.map((row) => ({ login: row.login, id: row.accountId, avatarUrl: row.avatarUrl }));
}
