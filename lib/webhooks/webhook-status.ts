import "server-only";
import { ApiError } from "@/lib/contract/api-error";
import type { WebhookStatus } from "@/lib/contract/webhooks";
import { db } from "@/lib/db/database";
import { appCredentials, syncAppCredentials } from "@/lib/app-credentials/app-credentials";
import { env } from "@/lib/env";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { lastWebhookDeliveryAt } from "@/lib/inventory/installations";
import { WEBHOOK_PATH } from "@/lib/setup/app-manifest";
import { recentDeliveries } from "./delivery-store";

/** Which mode the org is in and what arrived last, for the settings page. */
export async function webhookStatus(org: string): Promise<WebhookStatus> {
  const config = env();
  try {
    const database = await db();
    const [lastDeliveryAt, recent] = await Promise.all([lastWebhookDeliveryAt(database, org), recentDeliveries(database, org)]);
    await syncAppCredentials();
    const secretConfigured = !!appCredentials()?.webhookSecret;
    const last = recent.last;
    return {
      org,
      mode: secretConfigured && lastDeliveryAt !== null ? "webhooks" : "periodic",
      secretConfigured,
      webhookUrl: `${config.appUrl}${WEBHOOK_PATH}`,
      lastDeliveryAt: lastDeliveryAt?.toISOString() ?? null,
      lastDelivery: last ? { id: last.deliveryId, event: last.event, action: last.action, outcome: last.outcome, detail: last.detail } : null,
      deliveriesLast7Days: recent.count,
      syncIntervalSeconds: config.syncIntervalSeconds,
    };
  } catch (error) {
    console.error(`[webhooks] could not read the status of ${org}: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
    throw new ApiError("database_unavailable", "Grantdesk's database cannot be read right now. Try again in a moment.");
  }
}
