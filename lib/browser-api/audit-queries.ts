// Query options for the audit trail. The key holds every parameter the fetch depends on and
// nests under ["orgs", org, "audit"], so one invalidation refreshes every page of it.

import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { AuditRecord } from "@/lib/contract/audit-record";
import type { Page, PatResource } from "@/lib/contract/pat-rows";
import { auditApiSearchParams, auditFilterSearchParams, type AuditParams } from "@/lib/search-params/audit";
import { apiFetch } from "./api-fetch";

export type AuditExportFormat = "csv" | "jsonl";

/** Requests are reviewed (approve, deny); tokens are revoked. */
const TARGET_ACTIONS: Record<PatResource, readonly string[]> = { requests: ["approve", "deny"], tokens: ["revoke"] };

/** How many of a request's or token's own records its detail panel shows, newest first. */
export const TARGET_HISTORY_LIMIT = 20;

export const auditKeys = {
  all: (org: string) => ["orgs", org, "audit"] as const,
  target: (org: string, resource: PatResource, id: number) => [...auditKeys.all(org), "target", resource, id] as const,
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

/** What Grantdesk did to one request or token (its detail panel's history). */
export function targetHistoryQuery(org: string, resource: PatResource, id: number) {
  const query = new URLSearchParams({ target: String(id), per_page: String(TARGET_HISTORY_LIMIT) });
  for (const action of TARGET_ACTIONS[resource]) query.append("action", action);
  return queryOptions({
    queryKey: auditKeys.target(org, resource, id),
    queryFn: ({ signal }) => apiFetch<Page<AuditRecord>>(`${auditPath(org)}?${query}`, { signal }),
  });
}

/** The download of every record matching the page's filters (not only the page shown). */
export function auditExportHref(org: string, params: AuditParams, format: AuditExportFormat): string {
  const query = auditFilterSearchParams(params);
  query.set("format", format);
  return `${auditPath(org)}/export?${query}`;
}
