import "server-only";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { grantServerRole } from "./grant-server-role";
import type * as schema from "./schema";

/**
 * The committed migrations, read from the working directory: `next start`, `npm run demo` and the
 * tests all run from the project root, and Next would not bundle SQL files anyway.
 */
export const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations");

/**
 * The PostgreSQL advisory lock every Grantdesk instance takes around its migrations, so that when
 * several start together exactly one applies them and the others then find nothing to do.
 * An arbitrary constant; only Grantdesk uses it.
 */
export const MIGRATION_LOCK_KEY = 7_406_355_131_905;

type Schema = typeof schema;

/**
 * Applies pending migrations to an embedded PGlite database. PGlite lives inside this one
 * process, which opens it once (see db()), so no lock is needed. Returns how many it applied.
 */
export async function migratePgliteDatabase(db: PgliteDatabase<Schema>): Promise<number> {
  const before = await countApplied(db);
  await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return (await countApplied(db)) - before;
}

/**
 * Applies pending migrations to PostgreSQL under MIGRATION_LOCK_KEY. `db` must sit on a single
 * connection (a checked-out pool client): the lock belongs to the session holding it, and
 * drizzle's migrator has to run in that same session. Should the connection drop, PostgreSQL
 * releases the lock with it. With `grantTo` (the server's role, when migrations run as a separate
 * owner role) the role's privileges are set under the same lock. Returns how many migrations
 * this call applied.
 */
export async function migratePostgresDatabase(db: NodePgDatabase<Schema>, { grantTo }: { grantTo?: string } = {}): Promise<number> {
  await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
  try {
    const before = await countApplied(db);
    await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
    if (grantTo !== undefined) await grantServerRole(db, grantTo);
    return (await countApplied(db)) - before;
  } finally {
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
  }
}

async function countApplied(db: PgliteDatabase<Schema> | NodePgDatabase<Schema>): Promise<number> {
  const [table] = await rows<{ present: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!table?.present) return 0;
  const [count] = await rows<{ count: number }>(db, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
  return count?.count ?? 0;
}

// Both drivers answer a raw query with `{ rows }`.
async function rows<T>(db: PgliteDatabase<Schema> | NodePgDatabase<Schema>, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
