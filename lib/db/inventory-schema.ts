// Grantdesk's own picture of each org (the inventory): every pending request and active token
// grant GitHub lists, kept fresh by syncs (lib/inventory), plus what each sync knows and the
// organizations the app is installed on. Unlike the audit trail these rows change: GitHub is the
// truth and the inventory follows it. Rows GitHub stops listing are kept as history (`gone_at`).

import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";

const time = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Pending requests (`kind` "requests") and active token grants (`kind` "tokens") of each org. */
export const patInventory = pgTable(
  "pat_inventory",
  {
    /** The org's login in lower case (GitHub compares them case-insensitively). */
    org: text("org").notNull(),
    kind: text("kind", { enum: ["requests", "tokens"] }).notNull(),
    /** The request id or the grant id: what review and revoke take. */
    id: bigint("id", { mode: "number" }).notNull(),
    tokenId: bigint("token_id", { mode: "number" }).notNull(),
    tokenName: text("token_name").notNull(),
    ownerLogin: text("owner_login").notNull(),
    ownerId: bigint("owner_id", { mode: "number" }).notNull(),
    ownerAvatarUrl: text("owner_avatar_url").notNull(),
    /** The request's reason (requests only). */
    reason: text("reason"),
    permissions: jsonb("permissions").notNull().$type<{ organization: Record<string, string>; repository: Record<string, string>; other: Record<string, string> }>(),
    repositorySelection: text("repository_selection", { enum: ["none", "all", "subset"] }).notNull(),
    /** The highest level among the permissions: 1 read, 2 write, 3 admin (0: none). */
    maxLevel: smallint("max_level").notNull(),
    /** Each permission at its level, in whichever group (`contents_write`): what the permission filter matches. */
    grants: text("grants").array().notNull().default(sql`'{}'::text[]`),
    /** When requested (requests) or when access was granted (tokens): what GitHub sorts by. */
    listedAt: time("listed_at").notNull(),
    tokenExpired: boolean("token_expired").notNull(),
    tokenExpiresAt: time("token_expires_at"),
    tokenLastUsedAt: time("token_last_used_at"),
    firstSeenAt: time("first_seen_at").notNull().defaultNow(),
    lastSeenAt: time("last_seen_at").notNull().defaultNow(),
    /** When GitHub stopped listing it (confirmed), or Grantdesk's own write took it off. */
    goneAt: time("gone_at"),
    goneReason: text("gone_reason"),
  },
  (table) => [
    primaryKey({ columns: [table.org, table.kind, table.id] }),
    check("pat_inventory_kind_check", sql`${table.kind} in ('requests', 'tokens')`),
    index("pat_inventory_listed_idx").on(table.org, table.kind, table.listedAt, table.id).where(sql`${table.goneAt} is null`),
    // Not partial: PostgreSQL keeps statistics of an expression only for a whole-table index, and
    // without them it takes any owner for 0.5 % of the org (and walks the whole list for two).
    index("pat_inventory_owner_idx").on(table.org, table.kind, sql`lower(${table.ownerLogin})`),
    index("pat_inventory_expires_idx").on(table.org, table.kind, table.tokenExpiresAt).where(sql`${table.goneAt} is null`),
    // "Expired" is GitHub's flag or a passed expiry: this index and the expiry one answer it together.
    index("pat_inventory_expired_idx").on(table.org, table.kind).where(sql`${table.tokenExpired} and ${table.goneAt} is null`),
    index("pat_inventory_last_used_idx").on(table.org, table.kind, table.tokenLastUsedAt).where(sql`${table.goneAt} is null`),
    index("pat_inventory_token_idx").on(table.org, table.tokenId),
    index("pat_inventory_gone_idx").on(table.org, table.kind, table.goneAt).where(sql`${table.goneAt} is not null`),
    index("pat_inventory_grants_idx").using("gin", table.grants),
    // The search box (a substring of name, owner or reason, any case) reads these (pg_trgm).
    index("pat_inventory_name_search_idx").using("gin", table.tokenName.op("gin_trgm_ops")),
    index("pat_inventory_owner_search_idx").using("gin", table.ownerLogin.op("gin_trgm_ops")),
    index("pat_inventory_reason_search_idx").using("gin", table.reason.op("gin_trgm_ops")),
  ],
);

/** The last answer GitHub gave for each page of a list, so an unchanged page is a free 304. */
export const inventoryPages = pgTable(
  "inventory_pages",
  {
    org: text("org").notNull(),
    kind: text("kind", { enum: ["requests", "tokens"] }).notNull(),
    /** The page of the oldest-first list; 0: the newest page (`direction=desc`, page 1), which a sync reads first. */
    page: integer("page").notNull(),
    etag: text("etag").notNull(),
    /** The ids the page listed: what a 304 says is still there. */
    ids: bigint("ids", { mode: "number" }).array().notNull(),
    /** GitHub's Link header said a next page followed. */
    hasNext: boolean("has_next").notNull(),
    /** How many pages GitHub's Link header said the list had (null: it did not say). */
    lastPage: integer("last_page"),
    fetchedAt: time("fetched_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.org, table.kind, table.page] })],
);

/** Each org's sync of each list: its lease (one instance at a time), progress and last result. */
export const inventorySyncs = pgTable(
  "inventory_syncs",
  {
    org: text("org").notNull(),
    kind: text("kind", { enum: ["requests", "tokens"] }).notNull(),
    /** The instance running it, until `leaseUntil`; renewed while it runs, so a crashed one's lapses. */
    leaseOwner: text("lease_owner"),
    leaseUntil: time("lease_until"),
    startedAt: time("started_at"),
    finishedAt: time("finished_at"),
    /** The end of the last pass that read the whole list. */
    lastSuccessAt: time("last_success_at"),
    /** When a pass last found the list changed (a page GitHub sent anew, rows gone): open pages re-read then. */
    changedAt: time("changed_at"),
    pagesDone: integer("pages_done").notNull().default(0),
    /** Null until page 1 says how many there are. */
    pagesTotal: integer("pages_total"),
    /** GitHub calls the last pass made, and how many of them were 304s (free). */
    calls: integer("calls").notNull().default(0),
    notModified: integer("not_modified").notNull().default(0),
    /** Why the last pass failed (GitHub's reason), cleared by the next success. */
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    failedAt: time("failed_at"),
    /** An owner asked for a sync now ("Refresh"). */
    requestedAt: time("requested_at"),
    /** Moves on every change to the list's rows (a sync's, a webhook's, a write's): counts kept for a version stand until it moves. */
    rowsVersion: bigint("rows_version", { mode: "number" }).notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.org, table.kind] })],
);

/** The organizations the app is installed on, refreshed from GitHub (and its installation webhooks). */
export const githubInstallations = pgTable("github_installations", {
  /** Lower-case login. */
  org: text("org").primaryKey(),
  login: text("login").notNull(),
  accountId: bigint("account_id", { mode: "number" }).notNull(),
  installationId: bigint("installation_id", { mode: "number" }).notNull(),
  avatarUrl: text("avatar_url").notNull(),
  suspended: boolean("suspended").notNull().default(false),
  updatedAt: time("updated_at").notNull().defaultNow(),
  /** Set when GitHub no longer lists the installation (uninstalled); kept for the org's history. */
  removedAt: time("removed_at"),
  /** When the last verified webhook delivery about the org arrived: the org is in webhook mode. */
  webhookDeliveryAt: time("webhook_delivery_at"),
});
