import "server-only";
import { and, eq, isNull, notInArray, sql } from "drizzle-orm";
import type { OrgSummary } from "@/lib/contract/pat-rows";
import { githubInstallations } from "@/lib/db/inventory-schema";
import type { Database } from "@/lib/db/open-database";
import type { GitHubClient } from "@/lib/github/create-github-client";
import { listInstalledOrgs } from "@/lib/github/list-installed-orgs";

// The organizations the app is installed on, kept in the database so every instance syncs and
// serves the same orgs: refreshed from GitHub (`GET /app/installations`) on a schedule and by
// installation webhooks (applyInstallationChange). An org GitHub no longer lists is kept, marked
// removed. Each row also says when the last webhook delivery about the org arrived.

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

/** An org's installation as an `installation` or `installation_repositories` webhook describes it. */
export interface InstallationChange {
  action: string;
  installationId: number;
  account: OrgSummary;
  suspended: boolean;
}

/**
 * Keeps the stored installation current from a webhook (verified: it came from GitHub): installed,
 * suspended, unsuspended or its repositories changed → stored as GitHub describes it; deleted →
 * marked removed. A new org is then synced by the scheduler's next round.
 */
export async function applyInstallationChange(database: Database, change: InstallationChange, at = new Date()): Promise<void> {
  const org = change.account.login.toLowerCase();
  if (change.action === "deleted") {
    await database
      .update(githubInstallations)
      .set({ removedAt: at, updatedAt: at })
      .where(and(eq(githubInstallations.org, org), eq(githubInstallations.installationId, change.installationId)));
    return;
  }
  const values = {
    org,
    login: change.account.login,
    accountId: change.account.id,
    installationId: change.installationId,
    avatarUrl: change.account.avatarUrl,
    suspended: change.suspended,
    updatedAt: at,
    removedAt: null,
  };
  await database.insert(githubInstallations).values(values).onConflictDoUpdate({ target: githubInstallations.org, set: values });
}

/** What Grantdesk's record says of the app on the org: installed (and not suspended), not, or unknown (no record). */
export async function recordedInstallation(database: Database, org: string): Promise<"installed" | "not_installed" | "unknown"> {
  const [row] = await database
    .select({ removedAt: githubInstallations.removedAt, suspended: githubInstallations.suspended })
    .from(githubInstallations)
    .where(eq(githubInstallations.org, org.toLowerCase()));
  if (!row) return "unknown";
  return row.removedAt === null && !row.suspended ? "installed" : "not_installed";
}

/** A verified delivery about the org arrived: it is in webhook mode (the settings page says since when). */
export async function noteWebhookDelivery(database: Database, org: string, at = new Date()): Promise<void> {
  await database.update(githubInstallations).set({ webhookDeliveryAt: at }).where(eq(githubInstallations.org, org.toLowerCase()));
}

/** When the last verified delivery about the org arrived (null: none yet, or the org is unknown). */
export async function lastWebhookDeliveryAt(database: Database, org: string): Promise<Date | null> {
  const [row] = await database.select({ at: githubInstallations.webhookDeliveryAt }).from(githubInstallations).where(eq(githubInstallations.org, org.toLowerCase()));
  return row?.at ?? null;
}
