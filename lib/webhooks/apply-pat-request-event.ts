import "server-only";
import type { GoneReason } from "@/lib/contract/pat-rows";
import type { Database } from "@/lib/db/open-database";
import type { GitHubClient } from "@/lib/github/create-github-client";
import { findListedByTokenIds } from "@/lib/github/find-listed";
import { publishOrgEvent } from "@/lib/events/publish-org-event";
import { GitHubError } from "@/lib/github/github-error";
import { noteInventoryChanged } from "@/lib/inventory/inventory-events";
import { noteWebhookDelivery, recordedInstallation, refreshInstallations } from "@/lib/inventory/installations";
import { markGone, upsertListedRows } from "@/lib/inventory/inventory-store";
import { lookUpGrant } from "@/lib/inventory/look-up-grants";
import { requestSync } from "@/lib/inventory/sync-state";
import type { Applied } from "./delivery-store";
import type { PatRequestEvent } from "./webhook-payloads";

// A `personal_access_token_request` delivery, applied to the inventory at once.
//
// - created: the payload has no `reason`, and a payload is not a list row anyway, so the row is
//   read from GitHub's list with the `token_id[]` filter and stored as the list gives it. A request
//   GitHub no longer lists (reviewed meanwhile, or a delivery arriving late) is not added.
// - approved, denied, cancelled: the request leaves the pending list (GitHub said so: the
//   signature proves the delivery is GitHub's); an approval's new token grant is looked up too.
//
// Only for an org the app is installed on (and not suspended): for any other nothing is done.

const GONE: Record<string, GoneReason> = { approved: "approved_outside", denied: "denied_outside", cancelled: "cancelled" };

export function applyPatRequestEvent(database: Database, client: GitHubClient, event: PatRequestEvent): Promise<Applied> {
  return forInstalledOrg(database, client, event.organization.login, () => applyToInventory(database, client, event));
}

async function applyToInventory(database: Database, client: GitHubClient, event: PatRequestEvent): Promise<Applied> {
  const org = event.organization.login.toLowerCase();
  const request = event.personal_access_token_request;
  const now = new Date();

  if (event.action === "created") {
    let rows;
    try {
      rows = await findListedByTokenIds(org, "requests", [request.token_id], client);
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      await requestSync(database, org, "requests");
      return { outcome: "deferred", detail: `GitHub could not be read (${error.code}); the next sync of pending requests adds it.` };
    }
    const row = rows.find((candidate) => candidate.id === request.id);
    if (!row) {
      await requestSync(database, org, "requests");
      return { outcome: "processed", detail: "GitHub no longer lists the request as pending; nothing was added." };
    }
    await upsertListedRows(database, org, "requests", [row], now);
    await noteInventoryChanged(database, org, ["requests"]);
    return { outcome: "processed", detail: null };
  }

  const reason = GONE[event.action];
  if (!reason) return { outcome: "ignored", detail: `Grantdesk does not act on "${event.action}" token requests.` };
  await markGone(database, org, "requests", [request.id], reason, now);
  await noteInventoryChanged(database, org, ["requests"]);
  if (event.action === "approved") lookUpGrant(org, request.token_id, { database, client });
  return { outcome: "processed", detail: null };
}

/**
 * A token-request event is applied only where the app is installed, by Grantdesk's record of its
 * installations; an org the record does not know yet (a delivery before the first refresh) is
 * looked up on GitHub first.
 */
async function forInstalledOrg(database: Database, client: GitHubClient, org: string, apply: () => Promise<Applied>): Promise<Applied> {
  let installed = await recordedInstallation(database, org);
  if (installed === "unknown") {
    try {
      const orgs = await refreshInstallations(database, client);
      installed = orgs.some((known) => known.login.toLowerCase() === org.toLowerCase()) ? "installed" : "not_installed";
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      return { outcome: "deferred", detail: `GitHub could not be asked whether the app is installed on ${org} (${error.code}); the periodic sync catches up.` };
    }
  }
  if (installed !== "installed") return { outcome: "ignored", detail: `Grantdesk is not installed on ${org} (or its installation is suspended); nothing was done.` };
  await noteWebhookDelivery(database, org);
  const applied = await apply();
  await publishOrgEvent(database, { type: "webhook", org });
  return applied;
}
