// Query options for the audit trail. The key holds every parameter the fetch depends on and
// nests under ["orgs", org, "audit"], so one invalidation refreshes every page of it.

import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { AuditRecord, Page } from "@/lib/api/contract";
import { auditApiSearchParams, auditFilterSearchParams, type AuditParams } from "@/lib/search-params/audit";
import { apiFetch } from "./api-fetch";

export type AuditExportFormat = "csv" | "jsonl";

export const auditKeys = {
  all: (org: string) => ["orgs", org, "audit"] as const,
  list: (org: string, params: AuditParams) => [...auditKeys.all(org), "list", auditApiSearchParams(params).toString()] as const,
};

const auditPath = (org: string) => `/api/orgs/${encodeURIComponent(org)}/audit`;

/** One page of the trail; the previous page stays on screen while the next loads. */
export function auditListQuery(org: string, params: AuditParams) {
  return queryOptions({
    queryKey: auditKeys.list(org, params),
    queryFn: ({ signal }) => apiFetch<Page<AuditRecord>>(`${auditPath(org)}?${auditApiSearchParams(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The download of every record matching the page's filters (not only the page shown). */
export function auditExportHref(org: string, params: AuditParams, format: AuditExportFormat): string {
  const query = auditFilterSearchParams(params);
  query.set("format", format);
  return `${auditPath(org)}/export?${query}`;
}
