// Durable bulk jobs: every review and revoke Grantdesk sends is a job, stored before anything is
// sent, with its frozen list of ids, and worked through in chunks of 100 by whichever instance
// holds its lease (lib/jobs). The rows are the queue: see lib/jobs/claim-job.ts.

import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

const time = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const JOB_STATUSES = ["draft", "queued", "running", "done", "cancelled", "failed"] as const;

export const bulkJobs = pgTable(
  "bulk_jobs",
  {
    /** Also the audit trail's batch id: the job is the batch. */
    id: uuid("id").primaryKey(),
    /** Lower case. */
    org: text("org").notNull(),
    kind: text("kind", { enum: ["requests", "tokens"] }).notNull(),
    action: text("action", { enum: ["approve", "deny", "revoke"] }).notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull(),
    actorLogin: text("actor_login").notNull(),
    actorId: bigint("actor_id", { mode: "number" }).notNull(),
    /** Whose credential the chunks go out with: the app's installation token, or the actor's own (ACT_AS=owner, fixed when the job is made). */
    actedAs: text("acted_as", { enum: ["app", "owner"] }).notNull().default("app"),
    reason: text("reason"),
    /** What was selected, in words: "tokens matching Expired, Write or admin". */
    description: text("description").notNull(),
    total: integer("total").notNull(),
    /** Distinct owners among the ids, and how many have write or admin access (for the confirmation). */
    owners: integer("owners").notNull(),
    elevated: integer("elevated").notNull(),
    chunks: integer("chunks").notNull(),
    /** The first chunk not yet finished. */
    nextChunk: integer("next_chunk").notNull().default(0),
    /** The chunk being sent, from just before its call until its outcomes are recorded: at a crash, the one to settle. */
    inflightChunk: integer("inflight_chunk"),
    inflightAt: time("inflight_at"),
    accepted: integer("accepted").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    /** The instance working it, until `leaseUntil` (renewed while it works). */
    leaseOwner: text("lease_owner"),
    leaseUntil: time("lease_until"),
    /** What the job waits for before its next call: GitHub's pacing or a rate limit. */
    waitUntil: time("wait_until"),
    waitReason: text("wait_reason", { enum: ["pacing", "rate_limit"] }),
    /** Why the job stopped early (failed). */
    lastError: text("last_error"),
    createdAt: time("created_at").notNull().defaultNow(),
    confirmedAt: time("confirmed_at"),
    startedAt: time("started_at"),
    finishedAt: time("finished_at"),
    cancelRequestedAt: time("cancel_requested_at"),
  },
  (table) => [
    check("bulk_jobs_status_check", sql`${table.status} in ('draft', 'queued', 'running', 'done', 'cancelled', 'failed')`),
    index("bulk_jobs_org_idx").on(table.org, table.createdAt),
    index("bulk_jobs_open_idx").on(table.org, table.confirmedAt).where(sql`${table.status} in ('queued', 'running')`),
  ],
);

/** A job's ids, frozen when it was created: chunk n is positions 100n … 100n+99. */
export const bulkJobIds = pgTable(
  "bulk_job_ids",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => bulkJobs.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    id: bigint("id", { mode: "number" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.jobId, table.position] })],
);

/** When each org's last write left, across every instance: writes stay at least 1 s apart. */
export const orgWritePace = pgTable("org_write_pace", {
  org: text("org").primaryKey(),
  lastSentAt: time("last_sent_at").notNull(),
});
