"use client";

import { PatListView } from "@/components/pat/pat-list-view";
import { tokensSpec } from "./tokens-spec";

/** The active tokens: hygiene signals on every row, views and filters in the URL, revoke one or many, details in a panel. */
export function TokensView({ org }: { org: string }) {
  return <PatListView org={org} spec={tokensSpec} />;
}
