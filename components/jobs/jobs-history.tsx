"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import Link from "next/link";
import { useCallback, useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { orgJobsQuery } from "@/lib/browser-api/job-queries";
import type { JobSummary } from "@/lib/contract/jobs";
import { ACTION_LABELS } from "@/lib/format/audit-wording";
import { JOB_STATUS_LABELS } from "@/lib/format/job-wording";
import { jobsSearchParams } from "@/lib/search-params/jobs";
import { JobSheet } from "./job-sheet";

const numbers = new Intl.NumberFormat("en");

const STATUS_TONE: Record<JobSummary["status"], "neutral" | "warning" | "danger"> = {
  draft: "neutral",
  queued: "warning",
  running: "warning",
  done: "neutral",
  cancelled: "warning",
  failed: "danger",
};

function JobRow({ job, href }: { job: JobSummary; href: string }) {
  const noun = job.kind === "requests" ? "requests" : "tokens";
  return (
    <tr className="border-t border-zinc-200 align-top">
      <td className="px-3 py-2.5">
        <Link href={href} prefetch={false} scroll={false} className="font-medium text-indigo-700 hover:underline">
          {ACTION_LABELS[job.action]} {numbers.format(job.total)} {noun}
        </Link>
        <p className="text-xs text-zinc-600">{job.description}</p>
        {job.reason ? <p className="mt-0.5 line-clamp-2 text-xs text-zinc-500">“{job.reason}”</p> : null}
      </td>
      <td className="px-3 py-2.5 whitespace-nowrap">
        <Badge tone={STATUS_TONE[job.status]}>{JOB_STATUS_LABELS[job.status]}</Badge>
      </td>
      <td className="hidden px-3 py-2.5 text-sm whitespace-nowrap text-zinc-700 tabular-nums sm:table-cell">
        {numbers.format(job.accepted)} accepted
        {job.skipped > 0 ? ` · ${numbers.format(job.skipped)} skipped` : ""}
        {job.failed > 0 ? <span className="text-red-700"> · {numbers.format(job.failed)} failed</span> : null}
        {job.done < job.total ? ` · ${numbers.format(job.total - job.done)} left` : ""}
      </td>
      <td className="hidden px-3 py-2.5 text-sm whitespace-nowrap text-zinc-700 md:table-cell">{job.actor.login}</td>
      <td className="px-3 py-2.5 text-sm whitespace-nowrap text-zinc-600">
        <RelativeTime iso={job.createdAt} />
      </td>
    </tr>
  );
}

/**
 * An org's bulk jobs, newest first: what each did, who started it, how it ended. A job opens in
 * a panel (`?job=`) that follows it while it runs; every id's outcome is in the audit trail.
 */
export function JobsHistory({ org }: { org: string }) {
  const [params, setParams] = useQueryStates(jobsSearchParams, { history: "push" });
  const query = useQuery(orgJobsQuery(org, params.page));
  const listRegion = useRef<HTMLDivElement>(null);
  const fallbackFocus = useCallback(() => listRegion.current, []);
  const href = (job: JobSummary) => `?${new URLSearchParams({ ...(params.page > 1 ? { page: String(params.page) } : {}), job: job.id })}`;
  const jobs = query.data?.items ?? [];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h2 className="text-base font-semibold text-zinc-900">Jobs</h2>
        <p className="text-sm text-zinc-600">
          Every approve, deny and revoke runs on the server as a job, in chunks of 100, one job of {org} at a time: it carries on when the page is closed
          and after a restart. Each id&apos;s outcome is in the audit trail.
        </p>
      </div>
      <div ref={listRegion} tabIndex={-1} className="overflow-x-auto rounded-lg border border-zinc-200 bg-white focus:outline-none">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Bulk jobs of {org}, newest first</caption>
          <thead className="bg-zinc-50 text-xs font-medium text-zinc-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                Job
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
              <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                Outcome
              </th>
              <th scope="col" className="hidden px-3 py-2 md:table-cell">
                By
              </th>
              <th scope="col" className="px-3 py-2">
                Started
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <JobRow key={job.id} job={job} href={href(job)} />
            ))}
          </tbody>
        </table>
        {query.isPending ? <p className="px-3 py-6 text-center text-sm text-zinc-600" role="status">Reading the jobs…</p> : null}
        {query.isError ? (
          <p className="px-3 py-6 text-center text-sm text-red-700" role="alert">
            The jobs could not be read: {query.error.message}
          </p>
        ) : null}
        {query.isSuccess && jobs.length === 0 ? (
          <p className="px-3 py-6 text-center text-sm text-zinc-600">No jobs yet. Approving, denying or revoking from the Requests or Tokens pages starts one.</p>
        ) : null}
      </div>
      <nav aria-label="Pages of jobs" className="flex items-center justify-end gap-2">
        <Button size="sm" disabled={params.page <= 1} onClick={() => void setParams({ page: params.page - 1, job: null })}>
          Newer
        </Button>
        <span className="text-sm text-zinc-600 tabular-nums">Page {params.page}</span>
        <Button size="sm" disabled={!query.data?.hasNextPage} onClick={() => void setParams({ page: params.page + 1, job: null })}>
          Older
        </Button>
      </nav>
      {params.job ? <JobSheet org={org} jobId={params.job} onClose={() => void setParams({ job: null })} fallbackFocus={fallbackFocus} /> : null}
    </div>
  );
}
