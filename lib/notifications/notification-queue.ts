import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { NotificationTrigger } from "@/lib/contract/notifications";
import { notifications } from "@/lib/db/notifications-schema";
import type { Database } from "@/lib/db/open-database";
import { afterFailure, MAX_ATTEMPTS, type SendFailure } from "./backoff";
import { summaryOf, type NotificationContent } from "./notification-content";
import { recipientOf, type ChannelRow } from "./settings-store";

// The notification rows are the queue, as bulk jobs' rows are theirs. Queuing is an INSERT … ON
// CONFLICT DO NOTHING on (org, trigger, subject, channel): however many instances find the same
// notification due at once, one row exists, so it is sent once. Sending is claimed with one
// UPDATE over a FOR UPDATE SKIP LOCKED pick under a lease; an instance that dies mid-send lets
// its lease lapse and another retries (the one case a message may arrive twice: the crash came
// after the send and before its outcome was written).

export type NotificationRow = typeof notifications.$inferSelect;

/** How long an instance holds a claimed notification: longer than a send's timeouts. */
export const SEND_LEASE_MS = 60_000;

export interface QueueItem {
  trigger: NotificationTrigger;
  subject: string;
  content: NotificationContent;
  channel: ChannelRow;
  maxAttempts?: number;
}

/** Queues each item unless its (org, trigger, subject, channel) is already recorded; answers the rows this call added. */
export async function enqueueNotifications(database: Database, org: string, items: QueueItem[], now = new Date()): Promise<NotificationRow[]> {
  if (items.length === 0) return [];
  return database
    .insert(notifications)
    .values(
      items.map((item) => ({
        id: randomUUID(),
        org: org.toLowerCase(),
        trigger: item.trigger,
        subject: item.subject,
        channelId: item.channel.id,
        channelKind: item.channel.kind,
        channelName: item.channel.name,
        recipient: recipientOf(item.channel),
        summary: summaryOf(item.content),
        payload: item.content,
        status: "queued" as const,
        maxAttempts: item.maxAttempts ?? MAX_ATTEMPTS,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning();
}

async function claimWhere(database: Database, owner: string, pick: ReturnType<typeof sql>): Promise<NotificationRow[]> {
  const result = await database.execute(sql`
    update notifications n
       set status = 'sending',
           lease_owner = ${owner},
           lease_until = now() + make_interval(secs => ${SEND_LEASE_MS / 1000}),
           attempts = n.attempts + 1
     where n.id in (${pick})
    returning n.id`);
  const ids = (result as unknown as { rows: { id: string }[] }).rows.map((entry) => entry.id);
  if (ids.length === 0) return [];
  return database.select().from(notifications).where(inArray(notifications.id, ids));
}

/** Claims up to `limit` notifications due now (or left by an instance that stopped mid-send). */
export async function claimDueNotifications(database: Database, owner: string, limit: number): Promise<NotificationRow[]> {
  // A notification whose sender died on its last allowed attempt is not tried again: it failed.
  await database.execute(sql`
    update notifications
       set status = 'failed', finished_at = now(), lease_owner = null, lease_until = null,
           last_error = coalesce(last_error, 'The instance sending it stopped before recording the outcome')
     where status = 'sending' and lease_until < now() and attempts >= max_attempts`);
  return claimWhere(
    database,
    owner,
    sql`select c.id from notifications c
         where (c.status = 'queued' and c.next_attempt_at <= now())
            or (c.status = 'sending' and c.lease_until < now() and c.attempts < c.max_attempts)
         order by c.next_attempt_at, c.seq
         limit ${limit}
           for update skip locked`,
  );
}

/** Claims one queued notification by id (a test message, sent while the owner waits). */
export async function claimNotification(database: Database, owner: string, id: string): Promise<NotificationRow | null> {
  const [row] = await claimWhere(database, owner, sql`select c.id from notifications c where c.id = ${id} and c.status = 'queued' for update skip locked`);
  return row ?? null;
}

export type SendOutcome = { kind: "sent" } | { kind: "skipped"; reason: string } | { kind: "failed"; failure: SendFailure };

/** Records an attempt's outcome, while this instance still holds the notification; answers the row as it stands. */
export async function settleNotification(database: Database, row: NotificationRow, owner: string, outcome: SendOutcome, options: { now?: number; backoffBaseMs?: number } = {}): Promise<NotificationRow | null> {
  const now = options.now ?? Date.now();
  const release = { leaseOwner: null, leaseUntil: null };
  let changes: Partial<NotificationRow>;
  if (outcome.kind === "sent") changes = { ...release, status: "sent", sentAt: new Date(now), finishedAt: new Date(now), lastError: null, nextAttemptAt: null };
  else if (outcome.kind === "skipped") changes = { ...release, status: "skipped", finishedAt: new Date(now), lastError: outcome.reason, nextAttemptAt: null };
  else {
    const next = afterFailure(row.attempts, row.maxAttempts, outcome.failure, now, { baseMs: options.backoffBaseMs });
    changes =
      next.status === "queued"
        ? { ...release, status: "queued", nextAttemptAt: next.nextAttemptAt, lastError: outcome.failure.message }
        : { ...release, status: "failed", finishedAt: new Date(now), nextAttemptAt: null, lastError: outcome.failure.message };
  }
  const [updated] = await database
    .update(notifications)
    .set(changes)
    .where(and(eq(notifications.id, row.id), eq(notifications.leaseOwner, owner), eq(notifications.status, "sending")))
    .returning();
  return updated ?? null;
}
