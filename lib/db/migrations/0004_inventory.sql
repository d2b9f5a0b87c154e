CREATE TABLE "github_installations" (
	"org" text PRIMARY KEY NOT NULL,
	"login" text NOT NULL,
	"account_id" bigint NOT NULL,
	"installation_id" bigint NOT NULL,
	"avatar_url" text NOT NULL,
	"suspended" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inventory_pages" (
	"org" text NOT NULL,
	"kind" text NOT NULL,
	"page" integer NOT NULL,
	"etag" text NOT NULL,
	"ids" bigint[] NOT NULL,
	"has_next" boolean NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_pages_org_kind_page_pk" PRIMARY KEY("org","kind","page")
);
--> statement-breakpoint
CREATE TABLE "inventory_syncs" (
	"org" text NOT NULL,
	"kind" text NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"changed_at" timestamp with time zone,
	"pages_done" integer DEFAULT 0 NOT NULL,
	"pages_total" integer,
	"calls" integer DEFAULT 0 NOT NULL,
	"not_modified" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error_message" text,
	"failed_at" timestamp with time zone,
	"requested_at" timestamp with time zone,
	CONSTRAINT "inventory_syncs_org_kind_pk" PRIMARY KEY("org","kind")
);
--> statement-breakpoint
CREATE TABLE "pat_inventory" (
	"org" text NOT NULL,
	"kind" text NOT NULL,
	"id" bigint NOT NULL,
	"token_id" bigint NOT NULL,
	"token_name" text NOT NULL,
	"owner_login" text NOT NULL,
	"owner_id" bigint NOT NULL,
	"owner_avatar_url" text NOT NULL,
	"reason" text,
	"permissions" jsonb NOT NULL,
	"repository_selection" text NOT NULL,
	"max_level" smallint NOT NULL,
	"listed_at" timestamp with time zone NOT NULL,
	"token_expired" boolean NOT NULL,
	"token_expires_at" timestamp with time zone,
	"token_last_used_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"gone_at" timestamp with time zone,
	"gone_reason" text,
	CONSTRAINT "pat_inventory_org_kind_id_pk" PRIMARY KEY("org","kind","id"),
	CONSTRAINT "pat_inventory_kind_check" CHECK ("pat_inventory"."kind" in ('requests', 'tokens'))
);
--> statement-breakpoint
CREATE INDEX "pat_inventory_listed_idx" ON "pat_inventory" USING btree ("org","kind","listed_at","id") WHERE "pat_inventory"."gone_at" is null;--> statement-breakpoint
CREATE INDEX "pat_inventory_owner_idx" ON "pat_inventory" USING btree ("org","kind",lower("owner_login")) WHERE "pat_inventory"."gone_at" is null;--> statement-breakpoint
CREATE INDEX "pat_inventory_expires_idx" ON "pat_inventory" USING btree ("org","kind","token_expires_at") WHERE "pat_inventory"."gone_at" is null;--> statement-breakpoint
CREATE INDEX "pat_inventory_last_used_idx" ON "pat_inventory" USING btree ("org","kind","token_last_used_at") WHERE "pat_inventory"."gone_at" is null;--> statement-breakpoint
CREATE INDEX "pat_inventory_token_idx" ON "pat_inventory" USING btree ("org","token_id");--> statement-breakpoint
CREATE INDEX "pat_inventory_gone_idx" ON "pat_inventory" USING btree ("org","kind","gone_at") WHERE "pat_inventory"."gone_at" is not null;--> statement-breakpoint
CREATE INDEX "pat_inventory_permissions_idx" ON "pat_inventory" USING gin ("permissions");