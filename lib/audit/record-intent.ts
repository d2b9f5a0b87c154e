import "server-only";
import { and, eq } from "drizzle-orm";
import type { ActingIdentity, AuditAction } from "@/lib/contract/audit-record";
import type { Database } from "@/lib/db/open-database";
import { auditBatches, auditTargets } from "@/lib/db/schema";
import { appendChainLink, batchDigest, targetDigest, type AuditTransaction } from "./audit-chain";

/** The token an id belongs to, as GitHub listed it just before sending. */
export interface TargetSnapshot {
  tokenId: number;
  tokenName: string;
  ownerLogin: string;
}

/** The target rows of a batch: each id at its place, with its token as GitHub listed it (when known). */
function targetRows(batchId: string, targets: readonly { targetId: number; position: number }[], snapshots: ReadonlyMap<number, TargetSnapshot>) {
  return targets.map(({ targetId, position }) => {
    const snapshot = snapshots.get(targetId);
    return { batchId, targetId, position, tokenId: snapshot?.tokenId ?? null, tokenName: snapshot?.tokenName ?? null, tokenOwnerLogin: snapshot?.ownerLogin ?? null };
  });
}

export interface AuditIntent {
  batchId: string;
  org: string;
  action: AuditAction;
  actor: { login: string; id: number };
  /** Whose credential the action is sent with. */
  actedAs: ActingIdentity;
  /** The review's reason or the revoke's note. */
  reason?: string;
  /** Distinct ids, in the order the actor gave them. */
  ids: readonly number[];
  snapshots: ReadonlyMap<number, TargetSnapshot>;
}

/**
 * Records an action before any of it is sent: the batch and every id, with no outcome yet. One
 * transaction, with its link in the org's hash chain, so the trail never holds half an action.
 * Throws if the database refuses.
 */
export async function recordIntent(db: Database, intent: AuditIntent): Promise<void> {
  await db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(auditBatches)
      .values({
        id: intent.batchId,
        // Set here, to the millisecond, so the hash covers exactly what is stored.
        createdAt: new Date(),
        org: intent.org,
        action: intent.action,
        actorLogin: intent.actor.login,
        actorId: intent.actor.id,
        actedAs: intent.actedAs,
        reason: intent.reason ?? null,
      })
      .returning();
    const targets = await tx
      .insert(auditTargets)
      .values(targetRows(intent.batchId, intent.ids.map((targetId, position) => ({ targetId, position })), intent.snapshots))
      .returning();
    targets.sort((a, b) => a.position - b.position);
    await appendChainLink(tx, {
      org: intent.org,
      batchId: intent.batchId,
      kind: "intent",
      targetIds: null,
      rowDigests: [batchDigest(batch!), ...targets.map(targetDigest)],
    });
  });
}

/** A job's own record in the trail (the job is the batch), written when the owner confirms it. */
export interface AuditBatch {
  batchId: string;
  org: string;
  action: AuditAction;
  actor: { login: string; id: number };
  /** Whose credential the job's chunks are sent with. */
  actedAs: ActingIdentity;
  reason?: string;
}

/**
 * Records a job as a batch before any of it is sent, without its ids: a job of 100,000 ids
 * records each chunk's just before sending it (recordChunkTargets). Its chain link covers the
 * batch row only (no target ids). Runs in the caller's transaction (the job's confirmation).
 */
export async function recordBatch(tx: AuditTransaction, batch: AuditBatch): Promise<void> {
  const [row] = await tx
    .insert(auditBatches)
    .values({
      id: batch.batchId,
      createdAt: new Date(),
      org: batch.org,
      action: batch.action,
      actorLogin: batch.actor.login,
      actorId: batch.actor.id,
      actedAs: batch.actedAs,
      reason: batch.reason ?? null,
    })
    .returning();
  await appendChainLink(tx, { org: batch.org, batchId: batch.batchId, kind: "intent", targetIds: [], rowDigests: [batchDigest(row!)] });
}

/**
 * Records a chunk of a job's ids just before they are sent, each with its token as GitHub listed
 * it then, and its link in the org's hash chain. Does nothing when the chunk is already recorded
 * (a job resumed after a crash between this and the send).
 */
export async function recordChunkTargets(
  db: Database,
  chunk: { batchId: string; org: string; targets: { targetId: number; position: number }[]; snapshots: ReadonlyMap<number, TargetSnapshot> },
): Promise<void> {
  if (chunk.targets.length === 0) return;
  await db.transaction(async (tx) => {
    const [already] = await tx
      .select({ targetId: auditTargets.targetId })
      .from(auditTargets)
      .where(and(eq(auditTargets.batchId, chunk.batchId), eq(auditTargets.targetId, chunk.targets[0]!.targetId)));
    if (already) return;
    const rows = await tx
      .insert(auditTargets)
      .values(targetRows(chunk.batchId, chunk.targets, chunk.snapshots))
      .returning();
    rows.sort((a, b) => a.position - b.position);
    await appendChainLink(tx, { org: chunk.org, batchId: chunk.batchId, kind: "targets", targetIds: rows.map((row) => row.targetId), rowDigests: rows.map(targetDigest) });
  });
}
