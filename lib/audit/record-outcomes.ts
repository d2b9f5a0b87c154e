import "server-only";
import type { AuditOutcome } from "@/lib/contract/audit-record";
import type { IdOutcome } from "@/lib/contract/bulk-result";
import type { Database } from "@/lib/db/open-database";
import { auditOutcomes } from "@/lib/db/schema";

/**
 * Appends GitHub's answer for each id of a recorded batch: accepted, failed (with GitHub's
 * status and message), or unknown (an unclear answer a re-read could not settle). Rows are only
 * ever added; an id that already has an outcome is refused by the primary key.
 */
export async function recordOutcomes(db: Database, batchId: string, outcomes: readonly IdOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await db.insert(auditOutcomes).values(
    outcomes.map((outcome) => ({
      batchId,
      targetId: outcome.id,
      outcome: toAuditOutcome(outcome),
      status: outcome.status ?? null,
      code: outcome.code ?? null,
      message: outcome.error ?? null,
    })),
  );
}

export function toAuditOutcome(outcome: IdOutcome): AuditOutcome {
  if (outcome.ok) return "accepted";
  return outcome.code === "outcome_unknown" ? "unknown" : "failed";
}
