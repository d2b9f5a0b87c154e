CREATE TABLE "audit_chain" (
	"org" text NOT NULL,
	"position" bigint NOT NULL,
	"batch_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_ids" bigint[],
	"row_digests" text[] NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_chain_org_position_pk" PRIMARY KEY("org","position"),
	CONSTRAINT "audit_chain_kind_check" CHECK ("audit_chain"."kind" in ('intent', 'outcomes'))
);
--> statement-breakpoint
CREATE TABLE "session_revocations" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"revoked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_outcomes" DROP CONSTRAINT "audit_outcomes_outcome_check";--> statement-breakpoint
ALTER TABLE "audit_chain" ADD CONSTRAINT "audit_chain_batch_id_audit_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."audit_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_chain_batch_idx" ON "audit_chain" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "session_revocations_expires_idx" ON "session_revocations" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "audit_outcomes" ADD CONSTRAINT "audit_outcomes_outcome_check" CHECK ("audit_outcomes"."outcome" in ('accepted', 'inferred', 'failed', 'unknown'));