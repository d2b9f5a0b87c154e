// Query options for an org's webhook status (the settings page). A delivery's event refreshes it
// at once; otherwise it is read again every minute.

import { queryOptions } from "@tanstack/react-query";
import type { WebhookStatus } from "@/lib/contract/webhooks";
import { apiFetch } from "./api-fetch";

const POLL_MS = 60_000;

export const webhookKeys = {
  status: (org: string) => ["orgs", org, "webhooks"] as const,
};

export function webhookStatusQuery(org: string) {
  return queryOptions({
    queryKey: webhookKeys.status(org),
    queryFn: ({ signal }) => apiFetch<WebhookStatus>(`/api/orgs/${encodeURIComponent(org)}/webhooks/status`, { signal }),
    refetchInterval: POLL_MS,
  });
}
