CREATE TABLE "github_app_credentials" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"app_id" bigint NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"owner_login" text NOT NULL,
	"html_url" text NOT NULL,
	"client_id" text NOT NULL,
	"secrets" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "github_app_credentials_single_row" CHECK ("github_app_credentials"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "owner_tokens" (
	"github_user_id" bigint PRIMARY KEY NOT NULL,
	"login" text NOT NULL,
	"access_token" text NOT NULL,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token" text,
	"refresh_token_expires_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_batches" ADD COLUMN "acted_as" text DEFAULT 'app' NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD COLUMN "acted_as" text DEFAULT 'app' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_batches" ADD CONSTRAINT "audit_batches_acted_as_check" CHECK ("audit_batches"."acted_as" in ('app', 'owner'));