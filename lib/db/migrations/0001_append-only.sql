-- The audit trail is append-only: rows can be inserted and read, never changed or removed.
-- These triggers refuse UPDATE, DELETE and TRUNCATE on its tables for every role that does not
-- bypass triggers, Grantdesk's own connection included. (An outcome is a row appended later,
-- never an update of the target row.)
CREATE FUNCTION "audit_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_batches_append_only" BEFORE UPDATE OR DELETE ON "audit_batches"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_batches_no_truncate" BEFORE TRUNCATE ON "audit_batches"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_targets_append_only" BEFORE UPDATE OR DELETE ON "audit_targets"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_targets_no_truncate" BEFORE TRUNCATE ON "audit_targets"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_outcomes_append_only" BEFORE UPDATE OR DELETE ON "audit_outcomes"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_outcomes_no_truncate" BEFORE TRUNCATE ON "audit_outcomes"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();
