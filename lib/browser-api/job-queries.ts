// The browser's side of bulk jobs: following one, the header's list of running ones, an org's
// history, and starting, confirming and cancelling them.

import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { AuditAction } from "@/lib/contract/audit-record";
import type { JobDraft, JobSummary } from "@/lib/contract/jobs";
import type { Page } from "@/lib/contract/pat-rows";
import { apiFetch } from "./api-fetch";

/** A job that is queued or running is followed every second; the header looks every few. */
const FOLLOW_MS = 1_000;
const HEADER_MS = 4_000;

const jobsPath = (org: string) => `/api/orgs/${encodeURIComponent(org)}/jobs`;
export const isOpenJob = (job: JobSummary | undefined) => job?.status === "queued" || job?.status === "running";

export const jobKeys = {
  org: (org: string) => ["orgs", org, "jobs"] as const,
  detail: (org: string, id: string) => [...jobKeys.org(org), id] as const,
  active: () => ["jobs", "active"] as const,
};

export function jobQuery(org: string, id: string) {
  return queryOptions({
    queryKey: jobKeys.detail(org, id),
    queryFn: ({ signal }) => apiFetch<JobSummary>(`${jobsPath(org)}/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (isOpenJob(query.state.data) ? FOLLOW_MS : false),
  });
}

export function activeJobsQuery() {
  return queryOptions({
    queryKey: jobKeys.active(),
    queryFn: ({ signal }) => apiFetch<{ jobs: JobSummary[] }>("/api/jobs", { signal }),
    refetchInterval: (query) => ((query.state.data?.jobs.length ?? 0) > 0 ? FOLLOW_MS : HEADER_MS),
  });
}

export function orgJobsQuery(org: string, page: number) {
  return queryOptions({
    queryKey: [...jobKeys.org(org), "list", page] as const,
    queryFn: ({ signal }) => apiFetch<Page<JobSummary>>(`${jobsPath(org)}?page=${page}&per_page=30`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(isOpenJob) ? FOLLOW_MS : false),
  });
}

/** Freezes every id matching the list's filters (its own query string) for confirmation. */
export function postJobDraft(org: string, action: AuditAction, filters: URLSearchParams): Promise<JobDraft> {
  return apiFetch<JobDraft>(`${jobsPath(org)}/drafts`, { method: "POST", body: JSON.stringify({ action, filters: filters.toString() }) });
}

export function postConfirmDraft(org: string, draftId: string, input: { reason: string; confirm?: string }): Promise<JobSummary> {
  const reason = input.reason.trim();
  return apiFetch<JobSummary>(`${jobsPath(org)}/drafts/${encodeURIComponent(draftId)}/confirm`, {
    method: "POST",
    body: JSON.stringify({ ...(reason ? { reason } : {}), ...(input.confirm === undefined ? {} : { confirm: input.confirm }) }),
  });
}

export function postCancelJob(org: string, id: string): Promise<JobSummary> {
  return apiFetch<JobSummary>(`${jobsPath(org)}/${encodeURIComponent(id)}/cancel`, { method: "POST", body: "{}" });
}
