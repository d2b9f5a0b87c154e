// How an org's inventory learns of changes (`GET /api/orgs/{org}/webhooks/status`): from GitHub's
// webhook deliveries as they happen, or from the periodic sync alone.

/** `processing` while it is handled; then what became of it (`deferred`: left to the next sync). */
export const DELIVERY_OUTCOMES = ["processing", "processed", "ignored", "deferred"] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

export interface WebhookStatus {
  org: string;
  /**
   * `webhooks`: a verified delivery about the org has arrived (changes show within seconds; the
   * periodic sync still runs as a safety net). `periodic`: no delivery yet, or no secret set.
   */
  mode: "webhooks" | "periodic";
  /** GITHUB_WEBHOOK_SECRET is set: deliveries can be verified (without it every one is refused). */
  secretConfigured: boolean;
  /** What to enter as the GitHub App's webhook URL. */
  webhookUrl: string;
  /** When the last verified delivery about the org arrived. */
  lastDeliveryAt: string | null;
  /** That delivery, while Grantdesk still keeps it (7 days). */
  lastDelivery: { id: string; event: string; action: string | null; outcome: DeliveryOutcome; detail: string | null } | null;
  /** Deliveries about the org in the last 7 days. */
  deliveriesLast7Days: number;
  /** How often the periodic sync reads each list, in seconds. */
  syncIntervalSeconds: { requests: number; tokens: number };
}
