// Notifications (lib/notifications): each org's settings, its channels, and one row per
// notification per channel — the record an owner reads on the settings page and, through its
// unique key, what makes each notification go out once however many instances look for it.

import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

const time = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** A trigger as stored: the owner's choice plus when it was switched on (nothing older than that is sent). */
export interface StoredTriggers {
  newRequest: { enabled: boolean; since: string | null };
  pendingRequest: { enabled: boolean; hours: number; since: string | null };
  tokenExpiring: { enabled: boolean; days: number; since: string | null };
  jobFinished: { enabled: boolean; since: string | null };
  digest: { enabled: boolean; hour: number; timeZone: string; since: string | null };
}

/** The non-secret part of a channel: an email channel's recipients and mail server. */
export type StoredChannelConfig =
  | { kind: "slack" }
  | {
      kind: "email";
      recipients: string[];
      smtp: { mode: "instance" } | { mode: "custom"; host: string; port: number; security: "tls" | "starttls" | "none"; username: string | null; from: string };
    };

export const notificationSettings = pgTable("notification_settings", {
  /** Lower case. */
  org: text("org").primaryKey(),
  triggers: jsonb("triggers").notNull().$type<StoredTriggers>(),
  updatedAt: time("updated_at").notNull().defaultNow(),
  /** The owner who last saved them (null: seeded from NOTIFICATIONS_SEED). */
  updatedBy: text("updated_by"),
});

export const notificationChannels = pgTable(
  "notification_channels",
  {
    id: uuid("id").primaryKey(),
    org: text("org").notNull(),
    kind: text("kind", { enum: ["slack", "email"] }).notNull(),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull(),
    /** When it was last switched on: it gets nothing that became due before. */
    enabledSince: time("enabled_since").notNull().defaultNow(),
    config: jsonb("config").notNull().$type<StoredChannelConfig>(),
    /**
     * The Slack webhook URL or the SMTP password, sealed (lib/security/secret-box, AES-256-GCM
     * under a key derived from AUTH_SECRET, bound to "slack-url:<org>:<id>" or
     * "smtp-password:<org>:<id>"). Null: an email channel without a password.
     */
    secretSealed: text("secret_sealed"),
    /** What the page may show of it: "hooks.slack.com/…f3Xz". */
    secretHint: text("secret_hint"),
    createdAt: time("created_at").notNull().defaultNow(),
    updatedAt: time("updated_at").notNull().defaultNow(),
  },
  (table) => [index("notification_channels_org_idx").on(table.org, table.createdAt), check("notification_channels_kind_check", sql`${table.kind} in ('slack', 'email')`)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey(),
    /** Insertion order: what the record list pages by. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    org: text("org").notNull(),
    trigger: text("trigger", { enum: ["new_request", "pending_request", "token_expiring", "job_finished", "digest", "test"] }).notNull(),
    /** What it is about, unique per trigger: a request id, "grant@expiry", a job id, a digest's local date. */
    subject: text("subject").notNull(),
    /** Not a foreign key: the record outlives a channel removed later. */
    channelId: uuid("channel_id").notNull(),
    channelKind: text("channel_kind", { enum: ["slack", "email"] }).notNull(),
    channelName: text("channel_name").notNull(),
    /** To whom, in words (never a secret): the recipients, or the webhook's hint. */
    recipient: text("recipient").notNull(),
    summary: text("summary").notNull(),
    /** What the message says (lib/notifications/notification-content.ts), frozen when it was queued. */
    payload: jsonb("payload").notNull(),
    status: text("status", { enum: ["queued", "sending", "sent", "failed", "skipped"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    nextAttemptAt: time("next_attempt_at"),
    /** The instance sending it, until `leaseUntil`: a crashed one's lapses and another retries. */
    leaseOwner: text("lease_owner"),
    leaseUntil: time("lease_until"),
    lastError: text("last_error"),
    createdAt: time("created_at").notNull().defaultNow(),
    sentAt: time("sent_at"),
    finishedAt: time("finished_at"),
  },
  (table) => [
    // Once per org, trigger, subject and channel, whichever instance gets there first.
    uniqueIndex("notifications_once_idx").on(table.org, table.trigger, table.subject, table.channelId),
    index("notifications_org_seq_idx").on(table.org, table.seq),
    index("notifications_due_idx").on(table.nextAttemptAt).where(sql`${table.status} in ('queued', 'sending')`),
    index("notifications_channel_idx").on(table.channelId, table.seq),
    check("notifications_status_check", sql`${table.status} in ('queued', 'sending', 'sent', 'failed', 'skipped')`),
  ],
);
