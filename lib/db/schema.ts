// The tables Grantdesk keeps: its audit trail. Append-only by design — a user action is one
// batch row and one target row per id, written before anything is sent to GitHub; each id's
// outcome is a row appended afterwards, never an update. Migration 0001 adds triggers that refuse
// UPDATE, DELETE and TRUNCATE on all three tables, so not even a bug or a stray script can change
// history through Grantdesk's connection.
//
// Each append is also a link of a per-org hash chain (audit_chain), so an edit made around the
// triggers shows up in `npm run audit:verify`. session_revocations is the deny-list of signed-out
// sessions, kept until they would have expired anyway.
//
// Change this file, then `npx drizzle-kit generate --name <what-changed>` and commit the SQL.

import { sql } from "drizzle-orm";
import { ACTING_IDENTITIES, AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/contract/audit-record";
import { AUDIT_CHAIN_KINDS } from "@/lib/audit/chain-kinds";
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
    /** Whose credential the action was sent with: the app's installation token, or the actor's own user token (ACT_AS=owner). */
    actedAs: text("acted_as", { enum: ACTING_IDENTITIES }).notNull().default("app"),
  },
  (table) => [
    check("audit_batches_action_check", sql`${table.action} in ('approve', 'deny', 'revoke')`),
    check("audit_batches_acted_as_check", sql`${table.actedAs} in ('app', 'owner')`),
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
    check("audit_outcomes_outcome_check", sql`${table.outcome} in ('accepted', 'inferred', 'skipped', 'failed', 'unknown')`),
  ],
);
/**
 * One link per append to an org's trail: an action's intent (its batch row and all its target
 * rows) or a set of outcomes. `row_digests` holds a SHA-256 of each row the append wrote, `hash`
 * a SHA-256 over them, the link's place and the previous link's hash (lib/audit/audit-chain.ts),
 * so changing, adding or removing any row, or any link, breaks the chain from there on.
 */
export const auditChain = pgTable(
  "audit_chain",
  {
    /** The org's name in lower case: one chain per org, whatever case actions named it in. */
    org: text("org").notNull(),
    /** 1, 2, 3, … within the org. */
    position: bigint("position", { mode: "number" }).notNull(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => auditBatches.id),
    kind: text("kind", { enum: AUDIT_CHAIN_KINDS }).notNull(),
    /** For outcomes: the ids whose outcomes this append wrote, in order. For an intent: null (every id of the batch). */
    targetIds: bigint("target_ids", { mode: "number" }).array(),
    rowDigests: text("row_digests").array().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.org, table.position] }),
    index("audit_chain_batch_idx").on(table.batchId),
    check("audit_chain_kind_check", sql`${table.kind} in ('intent', 'targets', 'outcomes')`),
  ],
);

/** Sessions signed out before their end: refused until `expires_at`, then pruned. */
export const sessionRevocations = pgTable(
  "session_revocations",
  {
    /** The `sid` Grantdesk puts in each session token at sign-in. */
    sessionId: uuid("session_id").primaryKey(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** When the session would have ended anyway: the row is useless after it. */
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [index("session_revocations_expires_idx").on(table.expiresAt)],
);


// The GitHub App made at /setup (lib/app-credentials): one row at most, replaced only when an
// operator runs setup again. Its secrets (private key, client secret, webhook secret) are one
// value sealed with a key from AUTH_SECRET (lib/security/secret-box); the rest is public on GitHub.
export const githubAppCredentials = pgTable(
  "github_app_credentials",
  {
    id: integer("id").primaryKey().default(1),
    appId: bigint("app_id", { mode: "number" }).notNull(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** The org or user the app belongs to on GitHub. */
    ownerLogin: text("owner_login").notNull(),
    htmlUrl: text("html_url").notNull(),
    clientId: text("client_id").notNull(),
    /** `{ privateKey, clientSecret, webhookSecret }` as JSON, sealed (context `github-app:{appId}`). */
    secrets: text("secrets").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [check("github_app_credentials_single_row", sql`${table.id} = 1`)],
);

// Owners' GitHub user access tokens, for ACT_AS=owner (lib/auth/owner-tokens): written at sign-in,
// replaced when refreshed, deleted when GitHub refuses the refresh. Both tokens are sealed
// (context `owner-token:{githubUserId}` and `owner-refresh:{githubUserId}`); never sent to a browser.
export const ownerTokens = pgTable("owner_tokens", {
  githubUserId: bigint("github_user_id", { mode: "number" }).primaryKey(),
  login: text("login").notNull(),
  accessToken: text("access_token").notNull(),
  /** Null: GitHub said the token does not expire (the app has expiring user tokens turned off). */
  accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true, mode: "date" }),
  refreshToken: text("refresh_token"),
  refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true, mode: "date" }),
  /** Bumped on every change: an instance that lost a refresh race sees another instance's newer pair. */
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export * from "./inventory-schema";
export * from "./jobs-schema";
export * from "./rate-limit-schema";
export * from "./webhooks-schema";
export * from "./notifications-schema";
