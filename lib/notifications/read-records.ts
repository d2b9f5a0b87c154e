import "server-only";
import { desc, eq } from "drizzle-orm";
import type { NotificationRecord, NotificationStatus, NotificationTrigger } from "@/lib/contract/notifications";
import type { Page } from "@/lib/contract/pat-rows";
import { notifications } from "@/lib/db/notifications-schema";
import type { Database } from "@/lib/db/open-database";
import type { NotificationRow } from "./notification-queue";

/** The page's view of a record: what, to whom, when, outcome, attempts, error — never the payload. */
export function toNotificationRecord(row: NotificationRow): NotificationRecord {
  return {
    id: row.id,
    trigger: row.trigger as NotificationTrigger,
    summary: row.summary,
    channel: { id: row.channelId, kind: row.channelKind, name: row.channelName },
    recipient: row.recipient,
    status: row.status as NotificationStatus,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    error: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    nextAttemptAt: row.status === "queued" ? (row.nextAttemptAt?.toISOString() ?? null) : null,
  };
}

/** An org's notifications, newest first. */
export async function listNotificationRecords(database: Database, org: string, page: number, perPage: number): Promise<Page<NotificationRecord>> {
  const where = eq(notifications.org, org.toLowerCase());
  const [rows, total] = await Promise.all([
    database.select().from(notifications).where(where).orderBy(desc(notifications.seq)).limit(perPage).offset((page - 1) * perPage),
    database.$count(notifications, where),
  ]);
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  return { items: rows.map(toNotificationRecord), page, perPage, hasNextPage: page < lastPage, lastPage };
}
