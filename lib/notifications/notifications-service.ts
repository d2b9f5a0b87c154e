import "server-only";
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/session-user";
import { ApiError } from "@/lib/contract/api-error";
import type { ChannelView, DigestQueued, NotificationRecord, NotificationSettingsView, TestSendResult, TriggerSettings } from "@/lib/contract/notifications";
import type { Page } from "@/lib/contract/pat-rows";
import type { Database } from "@/lib/db/open-database";
import { withDatabase as withDatabaseIn } from "@/lib/db/with-database";
import { env } from "@/lib/env";
import { secretBox } from "@/lib/security/secret-box";
import { deliverNotification } from "./deliver-notification";
import { claimNotification, enqueueNotifications } from "./notification-queue";
import { deliveryDeps, nudgeNotifier } from "./notifier";
import { queueDigestNow } from "./queue-due";
import { listNotificationRecords, toNotificationRecord } from "./read-records";
import type { ChannelCreateInput, ChannelUpdateInput } from "./settings-input";
import {
  createChannel,
  defaultTriggers,
  deleteChannel,
  lastResults,
  listChannelRows,
  readChannelRow,
  readTriggers,
  saveTriggers,
  toChannelView,
  toTriggerSettings,
  updateChannel,
} from "./settings-store";

// What the notification routes call. Each answer is what the settings page may see: never a
// Slack URL or an SMTP password once saved (toChannelView gives a hint at most).

const withDatabase = <T>(work: (database: Database) => Promise<T>) => withDatabaseIn("notifications", work);

const channelOptions = (user: SessionUser | null) => ({ box: secretBox(env().authSecret), instanceSmtp: env().notifications.smtpUrl !== undefined, actor: user?.login ?? null });

async function settingsView(database: Database, org: string): Promise<NotificationSettingsView> {
  const [stored, channels, results] = await Promise.all([readTriggers(database, org), listChannelRows(database, org), lastResults(database, org)]);
  return {
    org,
    triggers: toTriggerSettings(stored?.triggers ?? defaultTriggers(new Date())),
    channels: channels.map((row) => toChannelView(row, results.get(row.id) ?? null)),
    instanceSmtp: env().notifications.smtpUrl !== undefined,
    updatedAt: stored?.updatedAt.toISOString() ?? null,
    updatedBy: stored?.updatedBy ?? null,
  };
}

export function getNotificationSettings(org: string): Promise<NotificationSettingsView> {
  return withDatabase((database) => settingsView(database, org));
}

export function putNotificationSettings(org: string, triggers: TriggerSettings, user: SessionUser): Promise<NotificationSettingsView> {
  return withDatabase(async (database) => {
    await saveTriggers(database, org, triggers, user.login);
    return settingsView(database, org);
  });
}

export function addChannel(org: string, input: ChannelCreateInput, user: SessionUser): Promise<ChannelView> {
  return withDatabase(async (database) => toChannelView(await createChannel(database, org, input, channelOptions(user)), null));
}

export function changeChannel(org: string, id: string, input: ChannelUpdateInput, user: SessionUser): Promise<ChannelView> {
  return withDatabase(async (database) => {
    const row = await updateChannel(database, org, id, input, channelOptions(user));
    return toChannelView(row, (await lastResults(database, org)).get(row.id) ?? null);
  });
}

export function removeChannel(org: string, id: string): Promise<{ deleted: string }> {
  return withDatabase(async (database) => {
    await deleteChannel(database, org, id);
    return { deleted: id };
  });
}

/** "Send a test message": one attempt, now, while the owner waits; recorded like any other. */
export function sendTestMessage(org: string, id: string): Promise<TestSendResult> {
  return withDatabase(async (database) => {
    const channel = await readChannelRow(database, org, id);
    const [queued] = await enqueueNotifications(database, org, [
      { trigger: "test", subject: `test:${randomUUID()}`, content: { type: "test", org: channel.org, channelName: channel.name }, channel, maxAttempts: 1 },
    ]);
    const deps = { ...(await deliveryDeps()), database };
    const claimed = await claimNotification(database, deps.owner, queued!.id);
    const settled = claimed ? await deliverNotification(claimed, deps) : null;
    return { record: toNotificationRecord(settled ?? claimed ?? queued!) };
  });
}

/** "Send digest now": queued for every channel switched on and sent by the notifier at once. */
export function sendDigestNow(org: string): Promise<DigestQueued> {
  return withDatabase(async (database) => {
    const stored = await readTriggers(database, org);
    const rows = await queueDigestNow(database, org, stored?.triggers ?? defaultTriggers(new Date()));
    if (rows.length === 0) throw new ApiError("conflict", "No channel is switched on: add a Slack or email channel (or switch one on) first.");
    nudgeNotifier();
    return { queued: rows.length, records: rows.map(toNotificationRecord) };
  });
}

export function listRecords(org: string, page: number, perPage: number): Promise<Page<NotificationRecord>> {
  return withDatabase((database) => listNotificationRecords(database, org, page, perPage));
}
