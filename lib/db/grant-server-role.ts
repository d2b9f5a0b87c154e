import "server-only";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type * as schema from "./schema";

/** The audit trail: the server may add to it and read it, never change or remove a row. */
export const APPEND_ONLY_TABLES = ["audit_batches", "audit_targets", "audit_outcomes", "audit_chain"] as const;
/** Written once by a migration, read by `audit:verify`. */
export const READ_ONLY_TABLES = ["audit_chain_start"] as const;
/** Signed-out sessions: added at sign-out, read on every session check, pruned once expired. */
export const PRUNED_TABLES = ["session_revocations"] as const;
/**
 * Grantdesk's working state, which it keeps current: the inventory and its syncs, the installed
 * orgs, bulk jobs (drafts are deleted once stale), each org's write pacing, the per-user
 * request counters of the API's rate limits, the webhook deliveries received (pruned after
 * 7 days) and notifications (settings, channels, and the record of each one sent, whose status
 * changes as it is retried).
 */
export const WORKING_TABLES = [
  "pat_inventory",
  "inventory_pages",
  "inventory_syncs",
  "github_installations",
  "bulk_jobs",
  "bulk_job_ids",
  "org_write_pace",
  // The app made at /setup (replaced when setup runs again) and owners' sealed tokens (refreshed, deleted).
  "github_app_credentials",
  "owner_tokens",
  "rate_limits",
  "webhook_deliveries",
  "notification_settings",
  "notification_channels",
  "notifications",
] as const;

/**
 * Gives the server's role (DATABASE_URL) exactly what it needs, run by the owner role
 * (DATABASE_MIGRATION_URL) after each migration: INSERT and SELECT on the audit tables, plus
 * DELETE on the deny-list of signed-out sessions, and full use of its working tables. Whatever else the role held on them is revoked
 * first, so a role that once had more ends up with only this. Not being the tables' owner, the
 * role can neither change audit rows nor drop or disable the triggers that guard them.
 */
export async function grantServerRole(db: NodePgDatabase<typeof schema>, role: string): Promise<void> {
  const who = sql.identifier(role);
  const tables = (names: readonly string[]) => sql.join(names.map((name) => sql.identifier(name)), sql`, `);
  await db.execute(sql`grant usage on schema public to ${who}`);
  await db.execute(sql`revoke all on ${tables([...APPEND_ONLY_TABLES, ...READ_ONLY_TABLES, ...PRUNED_TABLES, ...WORKING_TABLES])} from ${who}`);
  await db.execute(sql`grant select on ${tables(READ_ONLY_TABLES)} to ${who}`);
  await db.execute(sql`grant select, insert on ${tables(APPEND_ONLY_TABLES)} to ${who}`);
  await db.execute(sql`grant select, insert, delete on ${tables(PRUNED_TABLES)} to ${who}`);
  await db.execute(sql`grant select, insert, update, delete on ${tables(WORKING_TABLES)} to ${who}`);
}
