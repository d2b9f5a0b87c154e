-- The hash chain is part of the audit trail: append-only like the rest (the function comes from
-- 0001_append-only.sql).
CREATE TRIGGER "audit_chain_append_only" BEFORE UPDATE OR DELETE ON "audit_chain"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_chain_no_truncate" BEFORE TRUNCATE ON "audit_chain"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
-- Actions recorded before the chain existed have no link. Their last seq is kept here, once, so
-- `audit:verify` reports them as recorded before tamper evidence rather than as written around
-- Grantdesk; every action after it must be chained.
CREATE TABLE "audit_chain_start" (
	"before_seq" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "audit_chain_start" ("before_seq") SELECT coalesce(max("seq"), 0) FROM "audit_batches";
--> statement-breakpoint
CREATE TRIGGER "audit_chain_start_append_only" BEFORE UPDATE OR DELETE ON "audit_chain_start"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_chain_start_no_truncate" BEFORE TRUNCATE ON "audit_chain_start"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();
