import "server-only";
import { sql } from "drizzle-orm";
import { isEmbedded, type Database } from "@/lib/db/open-database";
import { redactSecrets } from "@/lib/github/redact-secrets";

// PostgreSQL's autovacuum keeps the inventory's planner statistics and visibility map fresh; the
// embedded PGlite runs no autovacuum, so nothing would ever analyze its inventory: the planner
// would take any owner or filter for a guess and count 100,000 rows from the table instead of an
// index. After syncs have written as many rows as autovacuum's own threshold (50 + 10 % of the
// table), the embedded database is vacuumed and analyzed here. It blocks the one thread PGlite
// runs on for about half a second for 100,000 rows, once after a large change (a first sync).

const BASE_ROWS = 50;
const FRACTION = 0.1;
const written = new WeakMap<Database, number>();

/** A sync wrote `rows` rows (added, updated or taken off) to the inventory. Never throws. */
export async function noteRowsWritten(database: Database, rows: number): Promise<void> {
  if (!isEmbedded(database) || rows === 0) return;
  const total = (written.get(database) ?? 0) + rows;
  written.set(database, total);
  try {
    const result = await database.execute<{ rows: number }>(sql`select greatest(reltuples, 0)::float8 as rows from pg_class where relname = 'pat_inventory'`);
    const tableRows = Number((result as unknown as { rows: { rows: number }[] }).rows[0]?.rows ?? 0);
    if (total < BASE_ROWS + FRACTION * Math.max(tableRows, total)) return;
    written.set(database, 0);
    await database.execute(sql`vacuum (analyze) pat_inventory`);
  } catch (error) {
    console.warn(`[inventory] could not vacuum the embedded inventory: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
  }
}
