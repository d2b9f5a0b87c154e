import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { ApiError } from "@/lib/contract/api-error";
import type { ChannelLastResult, ChannelView, NotificationStatus, TriggerSettings } from "@/lib/contract/notifications";
import { notificationChannels, notifications, notificationSettings, type StoredChannelConfig, type StoredTriggers } from "@/lib/db/notifications-schema";
import type { Database } from "@/lib/db/open-database";
import type { SecretBox } from "@/lib/security/secret-box";
import { MAX_CHANNELS_PER_ORG, type ChannelCreateInput, type ChannelUpdateInput, type SmtpInput } from "./settings-input";

// An org's notification settings and channels in the database. Secrets (a Slack webhook URL, an
// SMTP password) are sealed before they are stored and opened only to send; what leaves this
// module for a page is a ChannelView, which holds a hint of the URL at most.

export type ChannelRow = typeof notificationChannels.$inferSelect;

export const slackUrlContext = (org: string, channelId: string) => `slack-url:${org}:${channelId}`;
export const smtpPasswordContext = (org: string, channelId: string) => `smtp-password:${org}:${channelId}`;

export function defaultTriggers(now: Date): StoredTriggers {
  const since = now.toISOString();
  return {
    newRequest: { enabled: true, since },
    pendingRequest: { enabled: true, hours: 24, since },
    tokenExpiring: { enabled: true, days: 7, since },
    jobFinished: { enabled: true, since },
    digest: { enabled: true, hour: 9, timeZone: "UTC", since },
  };
}

export function toTriggerSettings(stored: StoredTriggers): TriggerSettings {
  return {
    newRequest: { enabled: stored.newRequest.enabled },
    pendingRequest: { enabled: stored.pendingRequest.enabled, hours: stored.pendingRequest.hours },
    tokenExpiring: { enabled: stored.tokenExpiring.enabled, days: stored.tokenExpiring.days },
    jobFinished: { enabled: stored.jobFinished.enabled },
    digest: { enabled: stored.digest.enabled, hour: stored.digest.hour, timeZone: stored.digest.timeZone },
  };
}

/**
 * The owner's new choices, each trigger keeping the moment it was switched on — or taking now, if
 * it is switched on now — so nothing that became due while it was off is sent.
 */
export function mergeTriggers(previous: StoredTriggers | null, next: TriggerSettings, now: Date): StoredTriggers {
  const since = <K extends keyof StoredTriggers>(key: K) => {
    const before = previous?.[key];
    if (!next[key].enabled) return null;
    return before?.enabled && before.since ? before.since : now.toISOString();
  };
  return {
    newRequest: { ...next.newRequest, since: since("newRequest") },
    pendingRequest: { ...next.pendingRequest, since: since("pendingRequest") },
    tokenExpiring: { ...next.tokenExpiring, since: since("tokenExpiring") },
    jobFinished: { ...next.jobFinished, since: since("jobFinished") },
    digest: { ...next.digest, since: since("digest") },
  };
}

export async function readTriggers(database: Database, org: string): Promise<{ triggers: StoredTriggers; updatedAt: Date; updatedBy: string | null } | null> {
  const [row] = await database.select().from(notificationSettings).where(eq(notificationSettings.org, org.toLowerCase()));
  return row ? { triggers: row.triggers, updatedAt: row.updatedAt, updatedBy: row.updatedBy } : null;
}

export async function saveTriggers(database: Database, org: string, next: TriggerSettings, actor: string | null, now = new Date()): Promise<StoredTriggers> {
  const key = org.toLowerCase();
  return database.transaction(async (tx) => {
    const [row] = await tx.select().from(notificationSettings).where(eq(notificationSettings.org, key)).for("update");
    const triggers = mergeTriggers(row?.triggers ?? null, next, now);
    await tx
      .insert(notificationSettings)
      .values({ org: key, triggers, updatedAt: now, updatedBy: actor })
      .onConflictDoUpdate({ target: notificationSettings.org, set: { triggers, updatedAt: now, updatedBy: actor } });
    return triggers;
  });
}

/** The settings row an org gets with its first channel: every trigger on from now. */
export async function ensureSettings(database: Pick<Database, "insert">, org: string, actor: string | null, now: Date): Promise<boolean> {
  const added = await database.insert(notificationSettings).values({ org, triggers: defaultTriggers(now), updatedAt: now, updatedBy: actor }).onConflictDoNothing().returning({ org: notificationSettings.org });
  return added.length > 0;
}

/** "hooks.slack.com/…f3Xz": where it posts, without the secret part of its path. */
export function slackUrlHint(url: string): string {
  const parsed = new URL(url);
  const tail = `${parsed.pathname}${parsed.search}`.slice(-4);
  return `${parsed.host}/…${tail}`;
}

function emailConfig(recipients: string[], smtp: SmtpInput): StoredChannelConfig {
  const distinct = [...new Set(recipients)];
  if (smtp.mode === "instance") return { kind: "email", recipients: distinct, smtp: { mode: "instance" } };
  const { host, port, security, from } = smtp;
  return { kind: "email", recipients: distinct, smtp: { mode: "custom", host, port, security, username: smtp.username?.trim() || null, from } };
}

export async function listChannelRows(database: Database, org: string): Promise<ChannelRow[]> {
  return database.select().from(notificationChannels).where(eq(notificationChannels.org, org.toLowerCase())).orderBy(asc(notificationChannels.createdAt), asc(notificationChannels.id));
}

export async function readChannelRow(database: Database, org: string, id: string): Promise<ChannelRow> {
  const [row] = await database.select().from(notificationChannels).where(and(eq(notificationChannels.org, org.toLowerCase()), eq(notificationChannels.id, id)));
  if (!row) throw new ApiError("not_found", `No notification channel ${id} in ${org}.`);
  return row;
}

export interface ChannelOptions {
  box: SecretBox;
  /** Whether this server has SMTP_URL: without it, an email channel needs its own server. */
  instanceSmtp: boolean;
  actor: string | null;
  now?: Date;
}

function requireMailServer(smtp: SmtpInput | undefined, instanceSmtp: boolean) {
  if (smtp?.mode === "instance" && !instanceSmtp) {
    throw new ApiError("bad_request", "smtp: this server has no mail server of its own (SMTP_URL is not set): enter an SMTP server for this channel.");
  }
}

export async function createChannel(database: Database, org: string, input: ChannelCreateInput, options: ChannelOptions): Promise<ChannelRow> {
  const key = org.toLowerCase();
  const now = options.now ?? new Date();
  if (input.kind === "email") requireMailServer(input.smtp, options.instanceSmtp);
  const id = randomUUID();
  let config: StoredChannelConfig;
  let secretSealed: string | null = null;
  let secretHint: string | null = null;
  if (input.kind === "slack") {
    config = { kind: "slack" };
    secretSealed = options.box.seal(input.url, slackUrlContext(key, id));
    secretHint = slackUrlHint(input.url);
  } else {
    config = emailConfig(input.recipients, input.smtp);
    if (input.smtp.mode === "custom" && input.smtp.password) secretSealed = options.box.seal(input.smtp.password, smtpPasswordContext(key, id));
  }
  return database.transaction(async (tx) => {
    // Serializes channel changes per org, so two owners adding at once cannot pass the cap together.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`notification-channels:${key}`}))`);
    const existing = await tx.$count(notificationChannels, eq(notificationChannels.org, key));
    if (existing >= MAX_CHANNELS_PER_ORG) throw new ApiError("conflict", `An org may have at most ${MAX_CHANNELS_PER_ORG} notification channels: remove one first.`);
    await ensureSettings(tx, key, options.actor, now);
    const [row] = await tx
      .insert(notificationChannels)
      .values({ id, org: key, kind: input.kind, name: input.name, enabled: input.enabled ?? true, enabledSince: now, config, secretSealed, secretHint, createdAt: now, updatedAt: now })
      .returning();
    return row!;
  });
}

export async function updateChannel(database: Database, org: string, id: string, input: ChannelUpdateInput, options: ChannelOptions): Promise<ChannelRow> {
  const now = options.now ?? new Date();
  const row = await readChannelRow(database, org, id);
  if (row.kind !== input.kind) throw new ApiError("bad_request", `kind: channel ${id} is a ${row.kind} channel.`);
  const changes: Partial<ChannelRow> = { updatedAt: now };
  if (input.name !== undefined) changes.name = input.name;
  if (input.enabled !== undefined && input.enabled !== row.enabled) {
    changes.enabled = input.enabled;
    if (input.enabled) changes.enabledSince = now;
  }
  if (input.kind === "slack" && input.url !== undefined) {
    changes.secretSealed = options.box.seal(input.url, slackUrlContext(row.org, row.id));
    changes.secretHint = slackUrlHint(input.url);
  }
  if (input.kind === "email" && row.config.kind === "email") {
    requireMailServer(input.smtp, options.instanceSmtp);
    const smtp = input.smtp;
    if (input.recipients !== undefined || smtp !== undefined) {
      const previousSmtp = row.config.smtp;
      changes.config = smtp ? emailConfig(input.recipients ?? row.config.recipients, smtp) : { ...row.config, recipients: [...new Set(input.recipients ?? row.config.recipients)] };
      if (smtp?.mode === "instance") changes.secretSealed = null;
      else if (smtp?.mode === "custom") {
        // A password left out is kept, unless the server changed (it belonged to the old one).
        const sameServer = previousSmtp.mode === "custom" && previousSmtp.host === smtp.host && previousSmtp.username === (smtp.username?.trim() || null);
        if (smtp.password) changes.secretSealed = options.box.seal(smtp.password, smtpPasswordContext(row.org, row.id));
        else if (smtp.password === null || !sameServer) changes.secretSealed = null;
      }
    }
  }
  const [updated] = await database.update(notificationChannels).set(changes).where(eq(notificationChannels.id, row.id)).returning();
  return updated!;
}

export async function deleteChannel(database: Database, org: string, id: string): Promise<void> {
  const row = await readChannelRow(database, org, id);
  await database.delete(notificationChannels).where(eq(notificationChannels.id, row.id));
}

/** The latest notification's outcome on each channel. */
export async function lastResults(database: Database, org: string): Promise<Map<string, ChannelLastResult>> {
  const rows = await database
    .selectDistinctOn([notifications.channelId], {
      channelId: notifications.channelId,
      status: notifications.status,
      createdAt: notifications.createdAt,
      finishedAt: notifications.finishedAt,
      lastError: notifications.lastError,
    })
    .from(notifications)
    .where(eq(notifications.org, org.toLowerCase()))
    .orderBy(notifications.channelId, desc(notifications.seq));
  return new Map(rows.map((row) => [row.channelId, { status: row.status as NotificationStatus, at: (row.finishedAt ?? row.createdAt).toISOString(), error: row.lastError }]));
}

export function toChannelView(row: ChannelRow, lastResult: ChannelLastResult | null): ChannelView {
  const base = { id: row.id, name: row.name, enabled: row.enabled, createdAt: row.createdAt.toISOString(), lastResult };
  if (row.config.kind === "slack") return { ...base, kind: "slack", urlHint: row.secretHint ?? "set" };
  const smtp = row.config.smtp;
  return {
    ...base,
    kind: "email",
    recipients: row.config.recipients,
    smtp: smtp.mode === "instance" ? { mode: "instance" } : { mode: "custom", host: smtp.host, port: smtp.port, security: smtp.security, username: smtp.username, passwordSet: row.secretSealed !== null, from: smtp.from },
  };
}

/** What the channel says about its addressee on a record: never the secret. */
export function recipientOf(row: ChannelRow): string {
  if (row.config.kind === "email") return row.config.recipients.join(", ");
  return `Slack webhook ${row.secretHint ?? ""}`.trim();
}
