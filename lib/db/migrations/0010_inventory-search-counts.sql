-- pg_trgm (trusted: the database owner may create it; PGlite loads it at open) for the inventory's search indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "pat_inventory_permissions_idx";--> statement-breakpoint
DROP INDEX "pat_inventory_owner_idx";--> statement-breakpoint
ALTER TABLE "inventory_pages" ADD COLUMN "last_page" integer;--> statement-breakpoint
ALTER TABLE "inventory_syncs" ADD COLUMN "rows_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "pat_inventory" ADD COLUMN "grants" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Rows synced before this migration: each permission at its level, from the permissions GitHub listed.
UPDATE "pat_inventory" SET "grants" = coalesce((
  SELECT array_agg(DISTINCT "permission"."key" || '_' || "permission"."value" ORDER BY "permission"."key" || '_' || "permission"."value")
    FROM jsonb_each("pat_inventory"."permissions") AS "grouped", jsonb_each_text("grouped"."value") AS "permission"
), '{}'::text[]);--> statement-breakpoint
CREATE INDEX "pat_inventory_expired_idx" ON "pat_inventory" USING btree ("org","kind") WHERE "pat_inventory"."token_expired" and "pat_inventory"."gone_at" is null;--> statement-breakpoint
CREATE INDEX "pat_inventory_grants_idx" ON "pat_inventory" USING gin ("grants");--> statement-breakpoint
CREATE INDEX "pat_inventory_name_search_idx" ON "pat_inventory" USING gin ("token_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "pat_inventory_owner_search_idx" ON "pat_inventory" USING gin ("owner_login" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "pat_inventory_reason_search_idx" ON "pat_inventory" USING gin ("reason" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "pat_inventory_owner_idx" ON "pat_inventory" USING btree ("org","kind",lower("owner_login"));