import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { notifications, notificationSettings, type StoredTriggers } from "@/lib/db/notifications-schema";
import type { Database } from "@/lib/db/open-database";
import { buildDigest } from "./digest-contents";
import { dueDigest, localDate } from "./digest-schedule";
import { planNotifications } from "./due-notifications";
import { findCandidates, readDigestRows } from "./find-candidates";
import { enqueueNotifications, type NotificationRow, type QueueItem } from "./notification-queue";
import { listChannelRows, type ChannelRow } from "./settings-store";

// A notifier pass's first half: for every org with a channel switched on, queue what is due now
// (lib/notifications/due-notifications.ts) and, at its hour, the daily digest. Every instance
// runs it; the queue's unique key keeps each notification to one row.

/** Orgs with settings and at least one channel switched on. */
async function orgsToScan(database: Database): Promise<{ org: string; triggers: StoredTriggers }[]> {
  return database
    .select({ org: notificationSettings.org, triggers: notificationSettings.triggers })
    .from(notificationSettings)
    .where(sql`exists (select 1 from notification_channels c where c.org = ${notificationSettings.org} and c.enabled)`);
}

async function digestItems(database: Database, org: string, triggers: StoredTriggers, channels: ChannelRow[], subject: string, date: string, now: Date): Promise<QueueItem[]> {
  if (channels.length === 0) return [];
  const rows = await readDigestRows(database, org, now);
  const digest = buildDigest({ date, timeZone: triggers.digest.timeZone, pending: { total: rows.pendingTotal, oldest: rows.oldestPending }, tokens: rows.tokens, now });
  return channels.map((channel) => ({ trigger: "digest", subject, content: { type: "digest", org, digest }, channel }));
}

/** Today's digest for the channels that have not had it, once its hour has come. */
async function dueDigestItems(database: Database, org: string, triggers: StoredTriggers, channels: ChannelRow[], now: Date): Promise<QueueItem[]> {
  if (!triggers.digest.enabled || !triggers.digest.since) return [];
  const due = dueDigest({ hour: triggers.digest.hour, timeZone: triggers.digest.timeZone, since: new Date(triggers.digest.since) }, now);
  if (!due) return [];
  const eligible = channels.filter((channel) => channel.enabledSince.getTime() <= due.scheduledAt.getTime());
  if (eligible.length === 0) return [];
  // Read once it is known some channel lacks it, not on every pass of the day.
  const had = await database
    .select({ channelId: notifications.channelId })
    .from(notifications)
    .where(and(eq(notifications.org, org), eq(notifications.trigger, "digest"), eq(notifications.subject, due.date)));
  const sent = new Set(had.map((row) => row.channelId));
  return digestItems(database, org, triggers, eligible.filter((channel) => !sent.has(channel.id)), due.date, due.date, now);
}

/** Queues what is due for every org; answers how many notifications this pass added. */
export async function queueDueNotifications(database: Database, now = new Date()): Promise<number> {
  let added = 0;
  for (const { org, triggers } of await orgsToScan(database)) {
    const channels = (await listChannelRows(database, org)).filter((channel) => channel.enabled);
    const candidates = await findCandidates(database, org, triggers, now);
    const planned = planNotifications({ org, triggers, channels, candidates, now });
    const byId = new Map(channels.map((channel) => [channel.id, channel]));
    const items: QueueItem[] = planned.flatMap((plan) => plan.channelIds.map((id) => ({ trigger: plan.trigger, subject: plan.subject, content: plan.content, channel: byId.get(id)! })));
    items.push(...(await dueDigestItems(database, org, triggers, channels, now)));
    added += (await enqueueNotifications(database, org, items, now)).length;
  }
  return added;
}

/** "Send digest now": a digest of this moment to every channel switched on, whatever the hour. */
export async function queueDigestNow(database: Database, org: string, triggers: StoredTriggers, now = new Date()): Promise<NotificationRow[]> {
  const channels = (await listChannelRows(database, org)).filter((channel) => channel.enabled);
  const items = await digestItems(database, org.toLowerCase(), triggers, channels, `now:${randomUUID()}`, localDate(now, triggers.digest.timeZone), now);
  return enqueueNotifications(database, org, items, now);
}
