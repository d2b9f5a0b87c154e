import "server-only";
import { and, asc, eq, gte, lt } from "drizzle-orm";
import { MAX_IDS_PER_CALL } from "@/lib/contract/github-names";
import { bulkJobIds } from "@/lib/db/jobs-schema";
import type { Database } from "@/lib/db/open-database";

// A job's frozen ids, in the order they were selected: chunk n is positions 100n … 100n + 99.

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters. */
const INSERT_BATCH = 5_000;

type Executor = Pick<Database, "insert">;

export async function storeJobIds(db: Executor, jobId: string, ids: readonly number[]): Promise<void> {
  for (let start = 0; start < ids.length; start += INSERT_BATCH) {
    await db.insert(bulkJobIds).values(ids.slice(start, start + INSERT_BATCH).map((id, index) => ({ jobId, position: start + index, id })));
  }
}

/** The ids of chunk `chunk`, with their positions. */
export async function chunkIds(database: Database, jobId: string, chunk: number): Promise<{ id: number; position: number }[]> {
  return database
    .select({ id: bulkJobIds.id, position: bulkJobIds.position })
    .from(bulkJobIds)
    .where(and(eq(bulkJobIds.jobId, jobId), gte(bulkJobIds.position, chunk * MAX_IDS_PER_CALL), lt(bulkJobIds.position, (chunk + 1) * MAX_IDS_PER_CALL)))
    .orderBy(asc(bulkJobIds.position));
}

export const chunkCount = (total: number) => Math.ceil(total / MAX_IDS_PER_CALL);
