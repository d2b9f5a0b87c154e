import "server-only";
import { and, eq, gt, lt, or, type SQL } from "drizzle-orm";
import type { AuditRecord } from "@/lib/contract/audit-record";
import type { Database } from "@/lib/db/open-database";
import { auditBatches, auditTargets } from "@/lib/db/schema";
import { auditWhere, type AuditFilters } from "./audit-filters";
import { selectAuditRecords, toAuditRecord } from "./select-audit-records";

/** Rows fetched per query while streaming: enough to keep the database busy, little to hold. */
export const STREAM_PAGE_SIZE = 1_000;

/**
 * Every record matching `filters`, in the trail's order, one page at a time. Each page continues
 * from the last row of the one before (keyset on seq and position, not an offset), so a long
 * export costs the same per page throughout and holds only one page in memory. Works the same on
 * PGlite, which has no server-side cursors, and PostgreSQL.
 */
export async function* streamAuditRecords(db: Database, filters: AuditFilters, pageSize = STREAM_PAGE_SIZE): AsyncGenerator<AuditRecord[]> {
  const where = auditWhere(filters);
  let after: { seq: number; position: number } | undefined;
  for (;;) {
    const rows = await selectAuditRecords(db, after ? and(where, followingRows(after))! : where).limit(pageSize);
    if (rows.length === 0) return;
    yield rows.map(toAuditRecord);
    if (rows.length < pageSize) return;
    const last = rows.at(-1)!;
    after = { seq: last.seq, position: last.position };
  }
}

// The order is seq descending, then position ascending.
function followingRows(after: { seq: number; position: number }): SQL {
  return or(lt(auditBatches.seq, after.seq), and(eq(auditBatches.seq, after.seq), gt(auditTargets.position, after.position)))!;
}
