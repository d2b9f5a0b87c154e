"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { subscribeOrgEvents } from "@/lib/browser-api/org-event-source";

/** Orgs followed live at once: each is a stream (shared by the tabs); beyond this the overview stays as loaded. */
export const MAX_LIVE_ORGS = 4;
/** Changes in a burst (a bulk job's chunks, a sync) re-render the overview once. */
const SETTLE_MS = 1_000;

/** Re-renders the overview (a server page) when an org's inventory changes, on whichever instance. */
export function LiveOverview({ orgs }: { orgs: string[] }) {
  const router = useRouter();
  const followed = orgs.slice(0, MAX_LIVE_ORGS).join(",");

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), SETTLE_MS);
    };
    const stops = followed
      .split(",")
      .filter(Boolean)
      .map((org) =>
        subscribeOrgEvents(org, (event) => {
          if ((event.type === "inventory" && event.changed) || event.type === "resync") refresh();
        }),
      );
    return () => {
      clearTimeout(timer);
      for (const stop of stops) stop();
    };
  }, [followed, router]);

  return null;
}
