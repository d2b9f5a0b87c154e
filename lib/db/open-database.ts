import "server-only";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Pool } from "pg";
import { migratePgliteDatabase, migratePostgresDatabase } from "./migrate-database";
import * as schema from "./schema";

/** The query builder over either database: PGlite and PostgreSQL share schema and SQL. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseLocation {
  /** `postgres://…`: PostgreSQL. Unset: embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** A folder (created when missing), or `memory://` for a database that lives only in memory. */
  dataDir: string;
}

export interface OpenDatabase {
  db: Database;
  engine: "pglite" | "postgres";
  /** How many migrations opening it applied (0 when it, or another instance, already had them). */
  migrationsApplied: number;
  close(): Promise<void>;
}

// A PostgreSQL that does not answer should fail the action quickly, not hang it.
const CONNECT_TIMEOUT_MS = 5_000;

/** Opens the database and brings its schema up to date. */
export async function openDatabase(location: DatabaseLocation): Promise<OpenDatabase> {
  return location.databaseUrl ? openPostgres(location.databaseUrl) : openPglite(location.dataDir);
}

async function openPglite(dataDir: string): Promise<OpenDatabase> {
  const inMemory = dataDir.startsWith("memory://");
  const where = inMemory ? dataDir : path.resolve(dataDir);
  if (!inMemory) await mkdir(where, { recursive: true });
  const client = await PGlite.create(where);
  try {
    const db = drizzlePglite({ client, schema });
    const migrationsApplied = await migratePgliteDatabase(db);
    return { db, engine: "pglite", migrationsApplied, close: () => client.close() };
  } catch (error) {
    await client.close();
    throw error;
  }
}

async function openPostgres(databaseUrl: string): Promise<OpenDatabase> {
  const pool = new Pool({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, max: 10 });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.warn(`[db] idle PostgreSQL connection lost: ${error.message}`));
  try {
    const connection = await pool.connect();
    let migrationsApplied: number;
    try {
      migrationsApplied = await migratePostgresDatabase(drizzlePostgres({ client: connection, schema }));
    } finally {
      connection.release();
    }
    return { db: drizzlePostgres({ client: pool, schema }), engine: "postgres", migrationsApplied, close: () => pool.end() };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
