import type { JobSummary } from "@/lib/contract/jobs";
import { ACTION_LABELS } from "./audit-wording";

const numbers = new Intl.NumberFormat("en");

/** "Revoked 340 of 1,204 tokens", "Denying 83 requests", as the job stands. */
export function describeJob(job: JobSummary): string {
  const noun = job.kind === "requests" ? (job.total === 1 ? "request" : "requests") : job.total === 1 ? "token" : "tokens";
  const verb = { approve: "Approving", deny: "Denying", revoke: "Revoking" }[job.action];
  if (job.status === "queued") return `${verb} ${numbers.format(job.total)} ${noun}: queued`;
  if (job.status === "running") return `${verb} ${numbers.format(job.total)} ${noun}: ${numbers.format(job.done)} done`;
  return `${ACTION_LABELS[job.action]} ${numbers.format(job.accepted)} of ${numbers.format(job.total)} ${noun}`;
}

export const JOB_STATUS_LABELS: Record<JobSummary["status"], string> = {
  draft: "Awaiting confirmation",
  queued: "Queued",
  running: "Running",
  done: "Done",
  cancelled: "Cancelled",
  failed: "Stopped",
};

/** "3 min 20 s", "45 s": how long until `until`, never negative. */
export function describeDuration(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
