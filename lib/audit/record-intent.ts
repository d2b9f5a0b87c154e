import "server-only";
import type { ActingIdentity, AuditAction } from "@/lib/contract/audit-record";
import type { Database } from "@/lib/db/open-database";
import { auditBatches, auditTargets } from "@/lib/db/schema";
import type { TargetSnapshot } from "./snapshot-targets";

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
 * transaction, so the trail never holds half an action. Throws if the database refuses.
 */
export async function recordIntent(db: Database, intent: AuditIntent): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(auditBatches).values({
      id: intent.batchId,
      org: intent.org,
      action: intent.action,
      actorLogin: intent.actor.login,
      actorId: intent.actor.id,
      actedAs: intent.actedAs,
      reason: intent.reason ?? null,
    });
    await tx.insert(auditTargets).values(
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
    );
  });
}
