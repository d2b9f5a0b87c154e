import "server-only";
import { and, count, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { DeliveryOutcome } from "@/lib/contract/webhooks";
import type { Database } from "@/lib/db/open-database";
import { webhookDeliveries } from "@/lib/db/webhooks-schema";

// Each delivery is claimed by its id before it is handled, in one statement that only one
// request can win: a redelivery (GitHub's "Redeliver", or the same delivery reaching two
// instances) finds the id taken and does nothing. Only a delivery that was deferred (GitHub could
// not be read) or whose handler vanished mid-way (a crash) may be handled again.

export const DELIVERY_RETENTION_MS = 7 * 24 * 60 * 60_000;
/** A claim older than this with no outcome belongs to a handler that died; a redelivery may take it. */
const STALE_CLAIM_MS = 2 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;

export interface DeliveryFacts {
  deliveryId: string;
  event: string;
  action: string | null;
  org: string | null;
  installationId: number | null;
}

/** What became of a delivery once handled, and why in words (never payload content). */
export type Applied = { outcome: Exclude<DeliveryOutcome, "processing">; detail: string | null };

export type Claim = { claimed: true; attempts: number } | { claimed: false; outcome: DeliveryOutcome };

export async function claimDelivery(database: Database, facts: DeliveryFacts, now = new Date()): Promise<Claim> {
  const values = { ...facts, org: facts.org?.toLowerCase() ?? null, receivedAt: now, outcome: "processing" as const };
  const [claimed] = await database
    .insert(webhookDeliveries)
    .values(values)
    .onConflictDoUpdate({
      target: webhookDeliveries.deliveryId,
      set: { ...values, attempts: sql`${webhookDeliveries.attempts} + 1`, finishedAt: null, detail: null },
      setWhere: sql`${webhookDeliveries.outcome} = 'deferred' or (${webhookDeliveries.outcome} = 'processing' and ${webhookDeliveries.receivedAt} < ${new Date(now.getTime() - STALE_CLAIM_MS)})`,
    })
    .returning({ attempts: webhookDeliveries.attempts });
  if (claimed) return { claimed: true, attempts: claimed.attempts };
  const [existing] = await database
    .update(webhookDeliveries)
    .set({ attempts: sql`${webhookDeliveries.attempts} + 1` })
    .where(eq(webhookDeliveries.deliveryId, facts.deliveryId))
    .returning({ outcome: webhookDeliveries.outcome });
  return { claimed: false, outcome: existing?.outcome ?? "processing" };
}

export async function finishDelivery(database: Database, deliveryId: string, { outcome, detail }: Applied): Promise<void> {
  await database.update(webhookDeliveries).set({ outcome, detail, finishedAt: new Date() }).where(eq(webhookDeliveries.deliveryId, deliveryId));
}

const pruning = globalThis as typeof globalThis & { grantdeskDeliveriesPrunedAt?: number };

/** Forgets deliveries older than the retention, at most once an hour per process. */
export async function pruneDeliveries(database: Database, now = Date.now()): Promise<void> {
  if (now - (pruning.grantdeskDeliveriesPrunedAt ?? 0) < PRUNE_EVERY_MS) return;
  pruning.grantdeskDeliveriesPrunedAt = now;
  await database.delete(webhookDeliveries).where(lt(webhookDeliveries.receivedAt, new Date(now - DELIVERY_RETENTION_MS)));
}

/** The org's newest delivery still kept, and how many were kept. */
export async function recentDeliveries(database: Database, org: string, now = Date.now()) {
  const key = org.toLowerCase();
  const since = new Date(now - DELIVERY_RETENTION_MS);
  const [[last], [total]] = await Promise.all([
    database
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.org, key), gte(webhookDeliveries.receivedAt, since)))
      .orderBy(desc(webhookDeliveries.receivedAt))
      .limit(1),
    database
      .select({ count: count() })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.org, key), gte(webhookDeliveries.receivedAt, since))),
  ]);
  return { last: last ?? null, count: total?.count ?? 0 };
}
