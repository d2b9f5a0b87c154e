// Bulk jobs as the API answers them: every review and revoke runs as one, on the server.

import type { AuditAction } from "./audit-record";
import type { PatResource } from "./pat-rows";

export type JobStatusName = "draft" | "queued" | "running" | "done" | "cancelled" | "failed";

/** Most ids one job may hold. */
export const MAX_JOB_IDS = 100_000;
/** Above this many ids, the owner types the org's name to confirm. */
export const TYPED_CONFIRMATION_ABOVE = 100;

/** A selection frozen for confirmation (`POST …/jobs/drafts`): exactly the ids that will run. */
export interface JobDraft {
  id: string;
  org: string;
  kind: PatResource;
  action: AuditAction;
  total: number;
  owners: number;
  elevated: number;
  description: string;
  /** Whether the org's name must be typed to confirm. */
  typedConfirmation: boolean;
  expiresAt: string;
}

export interface JobSummary {
  id: string;
  org: string;
  kind: PatResource;
  action: AuditAction;
  status: JobStatusName;
  actor: { login: string; id: number };
  reason: string | null;
  description: string;
  total: number;
  /** Ids finished (accepted, skipped or failed). */
  done: number;
  accepted: number;
  skipped: number;
  failed: number;
  /** What the job waits for now, and until when; null when it is not waiting. */
  waiting: { reason: "pacing" | "rate_limit"; until: string } | null;
  /** When it should finish, from GitHub's pacing (a chunk of 100 a second); null when not running or queued. */
  estimatedFinishAt: string | null;
  cancelRequested: boolean;
  lastError: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
