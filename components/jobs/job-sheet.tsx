"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Dialog, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { isOpenJob, jobQuery } from "@/lib/browser-api/job-queries";
import { JobProgress } from "./job-progress";

/**
 * A bulk job followed in a panel beside the page that started it (or from the jobs history).
 * When it is seen finished, everything shown for the org is read again: lists, counts, the audit trail.
 */
export function JobSheet({ org, jobId, onClose, fallbackFocus }: { org: string; jobId: string; onClose: () => void; fallbackFocus?: () => HTMLElement | null }) {
  const queryClient = useQueryClient();
  const { data: job } = useQuery(jobQuery(org, jobId));
  // Once per panel: the first time the job is seen finished (it may be by the first read).
  const refreshed = useRef(false);
  const finished = job !== undefined && !isOpenJob(job);
  useEffect(() => {
    if (!finished || refreshed.current) return;
    refreshed.current = true;
    void queryClient.invalidateQueries({ queryKey: ["orgs", org] });
    void queryClient.invalidateQueries({ queryKey: ["jobs"] });
  }, [finished, org, queryClient]);

  return (
    <Dialog open onDismiss={onClose} described fallbackFocus={fallbackFocus} variant="sheet">
      <div className="flex flex-col gap-1 border-b border-zinc-200 px-5 pt-5 pb-4">
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Bulk job</p>
        <DialogTitle>{job ? job.description : "Bulk job"}</DialogTitle>
        <DialogDescription>Runs on the server: closing this panel or the page does not stop it.</DialogDescription>
      </div>
      <div className="overflow-y-auto px-5 py-4">
        <JobProgress org={org} jobId={jobId} />
      </div>
    </Dialog>
  );
}
