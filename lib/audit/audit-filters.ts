import "server-only";
import { and, eq, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { AuditAction, AuditOutcome } from "@/lib/contract/audit-record";
import { auditBatches, auditOutcomes, auditTargets } from "@/lib/db/schema";

/** What the audit page, its export and the detail panels' history narrow the trail by. */
export interface AuditFilters {
  org: string;
  /** Logins of the owners who acted (any of them). */
  actor?: string[];
  action?: AuditAction[];
  /** `unknown` also matches ids whose outcome was never recorded. */
  outcome?: AuditOutcome[];
  /** Logins of the tokens' owners (any of them). */
  owner?: string[];
  /** Recorded at or after. */
  from?: Date;
  /** Recorded strictly before. */
  before?: Date;
  batch?: string;
  /** One request's or token's history. */
  target?: number;
}

// GitHub compares logins and org names case-insensitively, and so does the trail.
const lowerIn = (column: SQL | typeof auditBatches.actorLogin | typeof auditTargets.tokenOwnerLogin, values: string[]) =>
  inArray(sql`lower(${column})`, values.map((value) => value.toLowerCase()));

/** The WHERE clause over audit_targets ⋈ audit_batches ⟕ audit_outcomes. */
export function auditWhere(filters: AuditFilters): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(sql`lower(${auditBatches.org})`, filters.org.toLowerCase()),
    filters.actor && lowerIn(auditBatches.actorLogin, filters.actor),
    filters.action && inArray(auditBatches.action, filters.action),
    filters.owner && lowerIn(auditTargets.tokenOwnerLogin, filters.owner),
    filters.from && gte(auditBatches.createdAt, filters.from),
    filters.before && lt(auditBatches.createdAt, filters.before),
    filters.batch === undefined ? undefined : eq(auditBatches.id, filters.batch),
    filters.target === undefined ? undefined : eq(auditTargets.targetId, filters.target),
    filters.outcome && outcomeCondition(filters.outcome),
  ];
  return and(...conditions)!;
}

function outcomeCondition(outcomes: AuditOutcome[]): SQL {
  const recorded = inArray(auditOutcomes.outcome, outcomes);
  return outcomes.includes("unknown") ? or(recorded, isNull(auditOutcomes.batchId))! : recorded;
}
