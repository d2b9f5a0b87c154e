"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { HourglassIcon, OctagonXIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { isOpenJob, jobKeys, jobQuery, postCancelJob } from "@/lib/browser-api/job-queries";
import type { JobSummary } from "@/lib/contract/jobs";
import { describeDuration, describeJob, JOB_STATUS_LABELS } from "@/lib/format/job-wording";

const numbers = new Intl.NumberFormat("en");

function Count({ label, value, tone }: { label: string; value: number; tone: string }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${tone}`}>{numbers.format(value)}</dd>
    </div>
  );
}

/** `readAt`: when the job was read (the query refetches every second while the job is open). */
function Waiting({ job, readAt }: { job: JobSummary; readAt: number }) {
  if (!job.waiting) return null;
  const left = describeDuration(Date.parse(job.waiting.until) - readAt);
  return (
    <p className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <HourglassIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
      {job.waiting.reason === "rate_limit"
        ? `Waiting for GitHub's rate limit: carries on by itself in about ${left}.`
        : `Pacing: GitHub asks for writes at least a second apart; next chunk in ${left}.`}
    </p>
  );
}

/**
 * One job as it runs on the server: done of total, accepted / skipped / failed, what it waits
 * for, when it should finish, and a way to cancel (no chunk starts after; the one in flight
 * finishes and is recorded). Followed every second while it runs, and after a reload.
 */
export function JobProgress({ org, jobId }: { org: string; jobId: string }) {
  const queryClient = useQueryClient();
  const { data: job, error, dataUpdatedAt: readAt } = useQuery(jobQuery(org, jobId));
  const cancel = useMutation({
    mutationFn: () => postCancelJob(org, jobId),
    onSuccess: (next) => {
      queryClient.setQueryData(jobKeys.detail(org, jobId), next);
      void queryClient.invalidateQueries({ queryKey: jobKeys.active() });
    },
  });
  if (!job) return <p className="text-sm text-zinc-600">{error ? `The job could not be read: ${error.message}` : "Reading the job…"}</p>;

  const open = isOpenJob(job);
  const percent = job.total === 0 ? 100 : Math.round((job.done / job.total) * 100);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium text-zinc-900" role="status" aria-live="polite">
          {describeJob(job)} · {JOB_STATUS_LABELS[job.status]}
          {job.cancelRequested && open ? " · cancelling after the chunk in flight" : ""}
        </p>
        <p className="text-sm text-zinc-600">
          {job.description} · started by {job.actor.login}
        </p>
        {job.reason ? <p className="text-sm text-zinc-700">{job.kind === "requests" ? "Reason" : "Note"}: “{job.reason}”</p> : null}
      </div>
      <div className="flex flex-col gap-1">
        <progress className="h-2 w-full accent-indigo-600" max={job.total} value={job.done} aria-label="Progress" />
        <p className="text-xs text-zinc-600 tabular-nums">
          {numbers.format(job.done)} of {numbers.format(job.total)} ({percent}%)
          {job.estimatedFinishAt && open ? ` · about ${describeDuration(Date.parse(job.estimatedFinishAt) - readAt)} left` : ""}
        </p>
      </div>
      <dl className="grid grid-cols-3 gap-2">
        <Count label="Accepted" value={job.accepted} tone="text-emerald-700" />
        <Count label="Skipped" value={job.skipped} tone="text-zinc-700" />
        <Count label="Failed" value={job.failed} tone={job.failed > 0 ? "text-red-700" : "text-zinc-700"} />
      </dl>
      <Waiting job={job} readAt={readAt} />
      {job.lastError ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{job.lastError}</p> : null}
      <div className="flex flex-wrap items-center gap-2">
        {open && !job.cancelRequested ? (
          <Button variant="danger" size="sm" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            <OctagonXIcon aria-hidden />
            Cancel job
          </Button>
        ) : null}
        <Link href={`/orgs/${encodeURIComponent(org)}/audit?batch=${job.id}`} prefetch={false} className="text-sm text-indigo-700 hover:underline">
          Every id&apos;s outcome in the audit trail
        </Link>
      </div>
      {cancel.error ? <p className="text-sm text-red-700">The cancel failed: {cancel.error.message}</p> : null}
    </div>
  );
}
