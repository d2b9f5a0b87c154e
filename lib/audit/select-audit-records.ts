import "server-only";
import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import type { AuditRecord } from "@/lib/contract/audit-record";
import type { Database } from "@/lib/db/open-database";
import { auditBatches, auditOutcomes, auditTargets } from "@/lib/db/schema";

const columns = {
  seq: auditBatches.seq,
  position: auditTargets.position,
  batchId: auditBatches.id,
  createdAt: auditBatches.createdAt,
  org: auditBatches.org,
  actorLogin: auditBatches.actorLogin,
  actorId: auditBatches.actorId,
  action: auditBatches.action,
  actedAs: auditBatches.actedAs,
  reason: auditBatches.reason,
  targetId: auditTargets.targetId,
  tokenId: auditTargets.tokenId,
  tokenName: auditTargets.tokenName,
  tokenOwnerLogin: auditTargets.tokenOwnerLogin,
  outcome: auditOutcomes.outcome,
  status: auditOutcomes.status,
  code: auditOutcomes.code,
  message: auditOutcomes.message,
  recordedAt: auditOutcomes.recordedAt,
};

/**
 * One row per id of each action, newest action first and its ids in the order given: the
 * trail's one order, which pages and exports follow (`seq` and `position` are exact, unlike times).
 */
export function selectAuditRecords(db: Database, where: SQL) {
  return db
    .select(columns)
    .from(auditTargets)
    .innerJoin(auditBatches, eq(auditTargets.batchId, auditBatches.id))
    .leftJoin(auditOutcomes, and(eq(auditOutcomes.batchId, auditTargets.batchId), eq(auditOutcomes.targetId, auditTargets.targetId)))
    .where(where)
    .orderBy(desc(auditBatches.seq), asc(auditTargets.position));
}

export type AuditRow = Awaited<ReturnType<typeof selectAuditRecords>>[number];

export function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    batchId: row.batchId,
    at: row.createdAt.toISOString(),
    org: row.org,
    actor: { login: row.actorLogin, id: row.actorId },
    action: row.action,
    actedAs: row.actedAs,
    targetId: row.targetId,
    token:
      row.tokenId !== null && row.tokenName !== null && row.tokenOwnerLogin !== null
        ? { id: row.tokenId, name: row.tokenName, ownerLogin: row.tokenOwnerLogin }
        : null,
    reason: row.reason,
    outcome: row.outcome ?? "unknown",
    status: row.status,
    code: row.code,
    message: row.message,
    outcomeAt: row.recordedAt ? row.recordedAt.toISOString() : null,
  };
}
