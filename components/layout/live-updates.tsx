"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { RadioIcon } from "lucide-react";
import { useEffect, useState } from "react";
import { Tooltip } from "@/components/ui/tooltip";
import { inventoryKeys } from "@/lib/browser-api/inventory-queries";
import { jobKeys } from "@/lib/browser-api/job-queries";
import { subscribeOrgEvents } from "@/lib/browser-api/org-event-source";
import { webhookKeys } from "@/lib/browser-api/webhook-queries";
import type { OrgEvent } from "@/lib/contract/org-events";

/**
 * Keeps every page of the org current without a reload: the org's events (a sync, a webhook
 * delivery, a job's progress — from whichever instance) mark the queries showing them stale, and
 * TanStack Query reads them again. Inventory events re-read the freshness status; the lists follow
 * when its `changed_at` moved (InventoryFreshness), so a change is read once however it was
 * learned. Says whether updates are live; while they are not, the pages poll.
 */
export function LiveUpdates({ org }: { org: string }) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);

  useEffect(
    () =>
      subscribeOrgEvents(
        org,
        (event) => invalidateFor(queryClient, org, event),
        (next) => {
          setLive(next);
          // The status poll's pace depends on the stream (inventory-queries.ts): re-read it to pick it up.
          void queryClient.invalidateQueries({ queryKey: inventoryKeys.status(org) });
        },
      ),
    [org, queryClient],
  );

  return (
    <Tooltip content={live ? "Changes on GitHub show here as they happen." : "Live updates are not connected; this page checks GitHub's changes every 15 seconds."}>
      <span role="status" tabIndex={0} className="inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium text-zinc-600 focus-visible:outline-2 focus-visible:outline-indigo-600">
        <RadioIcon aria-hidden className={live ? "size-3.5 text-emerald-600" : "size-3.5 text-zinc-400"} />
        {live ? "Live" : "Not live"}
      </span>
    </Tooltip>
  );
}

function invalidateFor(queryClient: QueryClient, org: string, event: OrgEvent) {
  switch (event.type) {
    case "inventory":
      void queryClient.invalidateQueries({ queryKey: inventoryKeys.status(org) });
      return;
    case "job":
      void queryClient.invalidateQueries({ queryKey: jobKeys.org(org) });
      void queryClient.invalidateQueries({ queryKey: jobKeys.active() });
      return;
    case "webhook":
      void queryClient.invalidateQueries({ queryKey: webhookKeys.status(org) });
      return;
    case "resync":
      void queryClient.invalidateQueries({ queryKey: ["orgs", org] });
      void queryClient.invalidateQueries({ queryKey: jobKeys.active() });
      return;
  }
}
