import "server-only";
import type { Database } from "@/lib/db/open-database";
import { publishOrgEvent } from "@/lib/events/publish-org-event";
import type { GitHubClient } from "@/lib/github/create-github-client";
import { applyInstallationChange, noteWebhookDelivery } from "@/lib/inventory/installations";
import type { Applied } from "./delivery-store";
import type { InstallationEvent } from "./webhook-payloads";

// `installation` (created, deleted, suspend, unsuspend, new_permissions_accepted) and
// `installation_repositories` (added, removed) keep Grantdesk's record of the orgs the app is
// installed on current, between the installations refresh (every 10 minutes). Only deliveries
// about Grantdesk's own app and about organizations count.

export async function applyInstallationEvent(database: Database, client: GitHubClient, appId: string, event: InstallationEvent): Promise<Applied> {
  const { installation } = event;
  if (String(installation.app_id) !== appId) return { outcome: "ignored", detail: "The installation is another app's." };
  const account = installation.account;
  if (installation.target_type !== "Organization" || !account) return { outcome: "ignored", detail: "Grantdesk manages organizations only, not personal accounts." };
  const suspended = event.action === "suspend" || (event.action !== "unsuspend" && !!installation.suspended_at);
  await applyInstallationChange(database, {
    action: event.action,
    installationId: installation.id,
    account: { login: account.login, id: account.id, avatarUrl: account.avatar_url },
    suspended,
  });
  if (event.action !== "deleted") client.rememberInstallation(account.login, installation.id);
  await noteWebhookDelivery(database, account.login);
  await publishOrgEvent(database, { type: "webhook", org: account.login });
  return { outcome: "processed", detail: null };
}
