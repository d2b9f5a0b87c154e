import "server-only";
import type { AuditAction } from "@/lib/contract/audit-record";
import type { Database } from "@/lib/db/open-database";
import { auditBatches, auditTargets } from "@/lib/db/schema";
import { appendChainLink, batchDigest, targetDigest } from "./audit-chain";

/** The token an id belongs to, as GitHub listed it just before sending. */
export interface TargetSnapshot {
  tokenId: number;
  tokenName: string;
  ownerLogin: string;
}

export interface AuditIntent {
  batchId: string;
  org: string;
  action: AuditAction;
  actor: { login: string; id: number };
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
        reason: intent.reason ?? null,
      })
      .returning();
    const targets = await tx.insert(auditTargets).values(
      intent.ids.map((targetId, position) => {
        const snapshot = intent.snapshots.get(targetId);
        return {
          batchId: intent.batchId,
          targetId,
          position,
          tokenId: snapshot?.tokenId ?? null,
          tokenName: snapshot?.tokenName ?? null,
          tokenOwnerLogin: snapshot?.ownerLogin ?? null,
        };
      }),
    ).returning();
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
