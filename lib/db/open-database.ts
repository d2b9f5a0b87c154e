import "server-only";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Client, Pool } from "pg";
import { lockDataDir } from "./data-dir-lock";
import { listenPostgres, type ListenHandlers } from "./listen-postgres";
import { migratePgliteDatabase, migratePostgresDatabase } from "./migrate-database";
import * as schema from "./schema";

/** The query builder over either database: PGlite and PostgreSQL share schema and SQL. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseLocation {
  /** `postgres://…`: PostgreSQL. Unset: embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /**
   * PostgreSQL only: the owner role's URL, for migrations; they then also grant `databaseUrl`'s
   * role what the server needs and nothing more. Unset: `databaseUrl` migrates too (one role).
   */
  migrationUrl?: string;
  /** A folder (created when missing), or `memory://` for a database that lives only in memory. */
  dataDir: string;
}

export interface OpenDatabase {
  db: Database;
  engine: "pglite" | "postgres";
  /** How many migrations opening it applied (0 when it, or another instance, already had them). */
  migrationsApplied: number;
  /**
   * LISTENs on a channel: NOTIFYs sent on it by any connection — this process's or another
   * instance's, once their transaction commits — reach `onNotify`. Resolves with a function that
   * stops listening.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const embedded = new WeakSet<Database>();

/** Whether the database is the embedded PGlite (one process, no autovacuum) rather than a PostgreSQL server. */
export function isEmbedded(database: Database): boolean {
  return embedded.has(database);
}

// A PostgreSQL that does not answer should fail the action quickly, not hang it.
const CONNECT_TIMEOUT_MS = 5_000;

/** The embedded database's folder exists but PGlite cannot open it (damaged, or another version's). */
export class EmbeddedDatabaseError extends Error {
  override name = "EmbeddedDatabaseError";
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(location: DatabaseLocation): Promise<OpenDatabase> {
  return location.databaseUrl ? openPostgres(location.databaseUrl, location.migrationUrl) : openPglite(location.dataDir);
}

async function openPglite(dataDir: string): Promise<OpenDatabase> {
  const inMemory = dataDir.startsWith("memory://");
  const where = inMemory ? dataDir : path.resolve(dataDir);
  if (!inMemory) await mkdir(where, { recursive: true });
  const unlock = inMemory ? async () => undefined : await lockDataDir(where);
  let client: PGlite;
  try {
    // pg_trgm: the inventory's search (substring matches) reads a trigram index.
    client = await PGlite.create(where, { extensions: { pg_trgm } });
  } catch (error) {
    await unlock();
    throw new EmbeddedDatabaseError(`${where} cannot be opened by the embedded database (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const close = async () => {
    try {
      await client.close();
    } finally {
      await unlock();
    }
  };
  try {
    const db = drizzlePglite({ client, schema });
    embedded.add(db);
    const migrationsApplied = await migratePgliteDatabase(db);
    // One process holds the embedded database, so its own connection hears every NOTIFY.
    const listen = async (channel: string, { onNotify }: ListenHandlers) => {
      const stop = await client.listen(channel, onNotify);
      return () => stop();
    };
    return { db, engine: "pglite", migrationsApplied, listen, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function openPostgres(databaseUrl: string, migrationUrl: string | undefined): Promise<OpenDatabase> {
  const pool = new Pool({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, max: 10 });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.warn(`[db] idle PostgreSQL connection lost: ${error.message}`));
  try {
    const connection = await pool.connect();
    let migrationsApplied: number;
    try {
      if (migrationUrl && migrationUrl !== databaseUrl) {
        const [{ role }] = (await connection.query<{ role: string }>("select current_user as role")).rows as [{ role: string }];
        migrationsApplied = await migrateAsOwner(migrationUrl, role);
      } else {
        migrationsApplied = await migratePostgresDatabase(drizzlePostgres({ client: connection, schema }));
      }
    } finally {
      connection.release();
    }
    return {
      db: drizzlePostgres({ client: pool, schema }),
      engine: "postgres",
      migrationsApplied,
      listen: (channel, handlers) => listenPostgres(databaseUrl, channel, handlers),
      close: () => pool.end(),
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** Migrates over the owner's own connection, then grants the server's role its few privileges. */
async function migrateAsOwner(migrationUrl: string, serverRole: string): Promise<number> {
  const owner = new Client({ connectionString: migrationUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await owner.connect();
  try {
    // The same role in both URLs: nothing to grant (and revoking its own rights would lock it out).
    const [{ role }] = (await owner.query<{ role: string }>("select current_user as role")).rows as [{ role: string }];
    return await migratePostgresDatabase(drizzlePostgres({ client: owner, schema }), { grantTo: role === serverRole ? undefined : serverRole });
  } finally {
    await owner.end();
  }
}
