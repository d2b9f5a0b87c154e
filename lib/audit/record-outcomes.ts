import "server-only";
import { eq } from "drizzle-orm";
import type { AuditOutcome } from "@/lib/contract/audit-record";
import type { IdOutcome } from "@/lib/contract/bulk-result";
import type { Database } from "@/lib/db/open-database";
import { auditBatches, auditOutcomes } from "@/lib/db/schema";
import { appendChainLink, outcomeDigest } from "./audit-chain";

/**
 * Appends GitHub's answer for each id of a recorded batch: accepted, inferred (an unclear answer
 * and a re-read that no longer lists the id), failed (with GitHub's status and message), or
 * unknown (an unclear answer a re-read could not settle), with their link in the org's hash
 * chain. Rows are only ever added; an id that already has an outcome is refused by the primary key.
 */
export async function recordOutcomes(db: Database, batchId: string, outcomes: readonly IdOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await db.transaction(async (tx) => {
    const [batch] = await tx.select({ org: auditBatches.org }).from(auditBatches).where(eq(auditBatches.id, batchId));
    if (!batch) throw new Error(`no batch ${batchId} in the audit trail`);
    const recordedAt = new Date();
    const rows = await tx
      .insert(auditOutcomes)
      .values(
        outcomes.map((outcome) => ({
          batchId,
          targetId: outcome.id,
          outcome: toAuditOutcome(outcome),
          status: outcome.status ?? null,
          code: outcome.code ?? null,
          message: outcome.error ?? null,
          recordedAt,
        })),
      )
      .returning();
    const byTarget = new Map(rows.map((row) => [row.targetId, row]));
    const targetIds = outcomes.map((outcome) => outcome.id);
    await appendChainLink(tx, {
      org: batch.org,
      batchId,
      kind: "outcomes",
      targetIds,
      rowDigests: targetIds.map((id) => outcomeDigest(byTarget.get(id)!)),
    });
  });
}

export function toAuditOutcome(outcome: IdOutcome): AuditOutcome {
  if (outcome.ok) return outcome.inferred ? "inferred" : "accepted";
  if (outcome.code === "skipped" || outcome.code === "cancelled") return "skipped";
  return outcome.code === "outcome_unknown" ? "unknown" : "failed";
}
