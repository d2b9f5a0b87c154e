import "server-only";
import { count, eq, and } from "drizzle-orm";
import type { AuditRecord } from "@/lib/contract/audit-record";
import type { Page } from "@/lib/contract/pat-rows";
import type { Database } from "@/lib/db/open-database";
import { auditBatches, auditOutcomes, auditTargets } from "@/lib/db/schema";
import { auditWhere, type AuditFilters } from "./audit-filters";
import { selectAuditRecords, toAuditRecord } from "./select-audit-records";

/** One page of the trail, newest action first, in the shape of every other list. */
export async function listAuditRecords(db: Database, filters: AuditFilters, page: number, perPage: number): Promise<Page<AuditRecord>> {
  const where = auditWhere(filters);
  const [rows, [total]] = await Promise.all([
    selectAuditRecords(db, where).limit(perPage).offset((page - 1) * perPage),
    db
      .select({ count: count() })
      .from(auditTargets)
      .innerJoin(auditBatches, eq(auditTargets.batchId, auditBatches.id))
      .leftJoin(auditOutcomes, and(eq(auditOutcomes.batchId, auditTargets.batchId), eq(auditOutcomes.targetId, auditTargets.targetId)))
      .where(where),
  ]);
  const lastPage = Math.max(1, Math.ceil((total?.count ?? 0) / perPage));
  return { items: rows.map(toAuditRecord), page, perPage, hasNextPage: page < lastPage, lastPage };
}
