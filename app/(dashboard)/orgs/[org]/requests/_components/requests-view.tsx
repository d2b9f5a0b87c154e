"use client";

import { PatListView } from "@/components/pat/pat-list-view";
import { requestsSpec } from "./requests-spec";

/** The pending-requests queue: filters and page in the URL, review one or many, details in a panel. */
export function RequestsView({ org }: { org: string }) {
  return <PatListView org={org} spec={requestsSpec} />;
}
