"use client";

import { useQuery } from "@tanstack/react-query";
import { LoaderCircleIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Popover } from "@/components/ui/popover";
import { activeJobsQuery } from "@/lib/browser-api/job-queries";
import { describeJob } from "@/lib/format/job-wording";

/**
 * The header's note of bulk jobs queued or running in the owner's orgs, on every page: they run on
 * the server after the page that started them is gone, so this is how an owner finds them again.
 * Nothing shows while none runs.
 */
export function ActiveJobsIndicator() {
  const { data } = useQuery(activeJobsQuery());
  const jobs = data?.jobs ?? [];
  if (jobs.length === 0) return null;
  return (
    <Popover
      label="Running jobs"
      className="w-80 p-2"
      trigger={
        <Button variant="ghost" size="sm" aria-label={`${jobs.length} ${jobs.length === 1 ? "job" : "jobs"} running`}>
          <LoaderCircleIcon className="animate-spin text-indigo-600" aria-hidden />
          <span className="tabular-nums">{jobs.length}</span>
          <span className="hidden sm:inline">{jobs.length === 1 ? "job" : "jobs"} running</span>
        </Button>
      }
    >
      {(close) => (
        <ul className="flex flex-col">
          {jobs.map((job) => (
            <li key={job.id}>
              <Link
                href={`/orgs/${encodeURIComponent(job.org)}/jobs?job=${job.id}`}
                prefetch={false}
                onClick={close}
                className="flex flex-col rounded-md px-2 py-1.5 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                <span className="font-medium text-zinc-900">{describeJob(job)}</span>
                <span className="text-xs text-zinc-600">
                  {job.org} · {job.description}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Popover>
  );
}
