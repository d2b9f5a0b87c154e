CREATE TABLE "bulk_job_ids" (
	"job_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"id" bigint NOT NULL,
	CONSTRAINT "bulk_job_ids_job_id_position_pk" PRIMARY KEY("job_id","position")
);
--> statement-breakpoint
CREATE TABLE "bulk_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org" text NOT NULL,
	"kind" text NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"actor_login" text NOT NULL,
	"actor_id" bigint NOT NULL,
	"reason" text,
	"description" text NOT NULL,
	"total" integer NOT NULL,
	"owners" integer NOT NULL,
	"elevated" integer NOT NULL,
	"chunks" integer NOT NULL,
	"next_chunk" integer DEFAULT 0 NOT NULL,
	"inflight_chunk" integer,
	"inflight_at" timestamp with time zone,
	"accepted" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"wait_until" timestamp with time zone,
	"wait_reason" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"cancel_requested_at" timestamp with time zone,
	CONSTRAINT "bulk_jobs_status_check" CHECK ("bulk_jobs"."status" in ('draft', 'queued', 'running', 'done', 'cancelled', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "org_write_pace" (
	"org" text PRIMARY KEY NOT NULL,
	"last_sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_chain" DROP CONSTRAINT "audit_chain_kind_check";--> statement-breakpoint
ALTER TABLE "audit_outcomes" DROP CONSTRAINT "audit_outcomes_outcome_check";--> statement-breakpoint
ALTER TABLE "bulk_job_ids" ADD CONSTRAINT "bulk_job_ids_job_id_bulk_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."bulk_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_jobs_org_idx" ON "bulk_jobs" USING btree ("org","created_at");--> statement-breakpoint
CREATE INDEX "bulk_jobs_open_idx" ON "bulk_jobs" USING btree ("org","confirmed_at") WHERE "bulk_jobs"."status" in ('queued', 'running');--> statement-breakpoint
ALTER TABLE "audit_chain" ADD CONSTRAINT "audit_chain_kind_check" CHECK ("audit_chain"."kind" in ('intent', 'targets', 'outcomes'));--> statement-breakpoint
ALTER TABLE "audit_outcomes" ADD CONSTRAINT "audit_outcomes_outcome_check" CHECK ("audit_outcomes"."outcome" in ('accepted', 'inferred', 'skipped', 'failed', 'unknown'));