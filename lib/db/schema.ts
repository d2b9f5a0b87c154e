// The tables Grantdesk keeps: its audit trail. Append-only by design — a user action is one
// batch row and one target row per id, written before anything is sent to GitHub; each id's
// outcome is a row appended afterwards, never an update. Migration 0001 adds triggers that refuse
// UPDATE, DELETE and TRUNCATE on all three tables, so not even a bug or a stray script can change
// history through Grantdesk's connection.
//
// Change this file, then `npx drizzle-kit generate --name <what-changed>` and commit the SQL.

import { sql } from "drizzle-orm";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/contract/audit-record";
import { bigint, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** One user action: who, where, what, why, when. */
export const auditBatches = pgTable(
  "audit_batches",
  {
    id: uuid("id").primaryKey(),
    // Insertion order, exact and shared by every instance: what lists and exports page by.
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    org: text("org").notNull(),
    action: text("action", { enum: AUDIT_ACTIONS }).notNull(),
    actorLogin: text("actor_login").notNull(),
    actorId: bigint("actor_id", { mode: "number" }).notNull(),
    /** The review's reason, or the revoke's note. */
    reason: text("reason"),
  },
  (table) => [
    check("audit_batches_action_check", sql`${table.action} in ('approve', 'deny', 'revoke')`),
    // GitHub names are case-insensitive, and so are the trail's lookups by org.
    index("audit_batches_org_seq_idx").on(sql`lower(${table.org})`, table.seq),
  ],
);

/** Each id the action sent, with GitHub's name and owner of its token, read just before sending. */
export const auditTargets = pgTable(
  "audit_targets",
  {
    batchId: uuid("batch_id")
      .notNull()
      .references(() => auditBatches.id),
    /** The request id (approve, deny) or the grant id (revoke). */
    targetId: bigint("target_id", { mode: "number" }).notNull(),
    /** Order within the batch, as the actor gave the ids. */
    position: integer("position").notNull(),
    // Null when GitHub could not confirm the token before sending (see lib/audit/run-audited-action.ts).
    tokenId: bigint("token_id", { mode: "number" }),
    tokenName: text("token_name"),
    tokenOwnerLogin: text("token_owner_login"),
  },
  (table) => [
    primaryKey({ columns: [table.batchId, table.targetId] }),
    index("audit_targets_target_idx").on(table.targetId),
  ],
);

/** An id's outcome, appended once GitHub has answered. No row yet: the outcome was never recorded. */
export const auditOutcomes = pgTable(
  "audit_outcomes",
  {
    batchId: uuid("batch_id").notNull(),
    targetId: bigint("target_id", { mode: "number" }).notNull(),
    outcome: text("outcome", { enum: AUDIT_OUTCOMES }).notNull(),
    /** GitHub's HTTP status, when it refused or answered unclearly. */
    status: integer("status"),
    /** Grantdesk's code for the failure (`validation_failed`, `not_applied`, `outcome_unknown`, …). */
    code: text("code"),
    message: text("message"),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [
    // One outcome per id, ever: a second one for the same id is refused, not merged.
    primaryKey({ columns: [table.batchId, table.targetId] }),
    foreignKey({ columns: [table.batchId, table.targetId], foreignColumns: [auditTargets.batchId, auditTargets.targetId] }),
    check("audit_outcomes_outcome_check", sql`${table.outcome} in ('accepted', 'failed', 'unknown')`),
  ],
);
export * from "./inventory-schema";
