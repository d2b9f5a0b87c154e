"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangleIcon, RefreshCwIcon } from "lucide-react";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { inventoryKeys, inventoryStatusQuery, postInventoryRefresh } from "@/lib/browser-api/inventory-queries";
import type { ListSyncStatus } from "@/lib/contract/inventory";
import type { PatResource } from "@/lib/contract/pat-rows";
import type { Noun } from "@/lib/format/nouns";

/**
 * How fresh the list is, always in view: "Synced 2 min ago · Refresh"; while GitHub is read, the
 * pages done of the total; a failed or stale sync says so with GitHub's reason. When a sync
 * finishes, the list (and its counts) are read again.
 */
export function InventoryFreshness({ org, resource, noun }: { org: string; resource: PatResource; noun: Noun }) {
  const queryClient = useQueryClient();
  const { data, error } = useQuery(inventoryStatusQuery(org));
  const status = data?.[resource];
  const refresh = useMutation({
    mutationFn: () => postInventoryRefresh(org),
    onSuccess: (next) => queryClient.setQueryData(inventoryKeys.status(org), next),
  });

  // Rows arrive page by page during the first sync, and a later sync may find the list changed:
  // re-read it then (and only then: an unchanged list is not fetched again every few seconds).
  const changedAt = status?.changedAt ?? null;
  const pagesDone = status?.running && status.lastSuccessAt === null ? status.pagesDone : null;
  const seen = useRef({ changedAt, pagesDone });
  useEffect(() => {
    if (seen.current.changedAt === changedAt && seen.current.pagesDone === pagesDone) return;
    seen.current = { changedAt, pagesDone };
    void queryClient.invalidateQueries({ queryKey: ["orgs", org, resource] });
  }, [changedAt, pagesDone, queryClient, org, resource]);

  return (
    <div role="status" aria-live="polite" className="flex min-h-8 flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600">
      {status ? <StatusLine status={status} noun={noun} /> : error ? <span>Grantdesk could not tell how fresh this list is.</span> : <span>Checking how fresh this list is…</span>}
      <Button size="sm" variant="ghost" disabled={refresh.isPending || status?.running} onClick={() => refresh.mutate()}>
        <RefreshCwIcon aria-hidden className={refresh.isPending || status?.running ? "animate-spin" : undefined} />
        Refresh
      </Button>
      {refresh.error ? <span className="text-red-700">Refresh failed: {refresh.error.message}</span> : null}
    </div>
  );
}

function StatusLine({ status, noun }: { status: ListSyncStatus; noun: Noun }) {
  if (status.running && status.lastSuccessAt === null) {
    const total = status.pagesTotal;
    return (
      <span className="flex items-center gap-2">
        <span>
          Reading every {noun.one} from GitHub for the first time: page {status.pagesDone} of {total ?? "…"}.
        </span>
        <progress className="h-2 w-32 accent-indigo-600" max={total ?? 1} value={total ? status.pagesDone : undefined} aria-label="First sync" />
      </span>
    );
  }
  return (
    <>
      {status.lastSuccessAt ? (
        <span>
          {status.running ? "Syncing with GitHub…" : "Synced"} <RelativeTime iso={status.lastSuccessAt} />
        </span>
      ) : (
        <span>Not synced with GitHub yet.</span>
      )}
      {status.error ? (
        <span className="flex items-center gap-1 text-amber-800">
          <AlertTriangleIcon className="size-4 shrink-0" aria-hidden />
          The last sync failed (<RelativeTime iso={status.error.at} />): {status.error.message}
        </span>
      ) : status.stale && !status.running ? (
        <span className="flex items-center gap-1 text-amber-800">
          <AlertTriangleIcon className="size-4 shrink-0" aria-hidden />
          This list may be out of date.
        </span>
      ) : null}
    </>
  );
}
