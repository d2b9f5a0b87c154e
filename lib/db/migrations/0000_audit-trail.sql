CREATE TABLE "audit_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audit_batches_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"org" text NOT NULL,
	"action" text NOT NULL,
	"actor_login" text NOT NULL,
	"actor_id" bigint NOT NULL,
	"reason" text,
	CONSTRAINT "audit_batches_seq_unique" UNIQUE("seq"),
	CONSTRAINT "audit_batches_action_check" CHECK ("audit_batches"."action" in ('approve', 'deny', 'revoke'))
);
--> statement-breakpoint
CREATE TABLE "audit_outcomes" (
	"batch_id" uuid NOT NULL,
	"target_id" bigint NOT NULL,
	"outcome" text NOT NULL,
	"status" integer,
	"code" text,
	"message" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_outcomes_batch_id_target_id_pk" PRIMARY KEY("batch_id","target_id"),
	CONSTRAINT "audit_outcomes_outcome_check" CHECK ("audit_outcomes"."outcome" in ('accepted', 'failed', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "audit_targets" (
	"batch_id" uuid NOT NULL,
	"target_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"token_id" bigint,
	"token_name" text,
	"token_owner_login" text,
	CONSTRAINT "audit_targets_batch_id_target_id_pk" PRIMARY KEY("batch_id","target_id")
);
--> statement-breakpoint
ALTER TABLE "audit_outcomes" ADD CONSTRAINT "audit_outcomes_batch_id_target_id_audit_targets_batch_id_target_id_fk" FOREIGN KEY ("batch_id","target_id") REFERENCES "public"."audit_targets"("batch_id","target_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_targets" ADD CONSTRAINT "audit_targets_batch_id_audit_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."audit_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_batches_org_seq_idx" ON "audit_batches" USING btree (lower("org"),"seq");--> statement-breakpoint
CREATE INDEX "audit_targets_target_idx" ON "audit_targets" USING btree ("target_id");