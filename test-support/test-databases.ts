// The storage tests run against embedded PGlite always, and against a real PostgreSQL server too
// when TEST_DATABASE_URL names one (`.ci/run` starts one with scripts/ci-postgres.sh). Each
// test gets a database of its own: PGlite in memory, or a fresh PostgreSQL database created for
// it and dropped afterwards.

import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { openDatabase, type OpenDatabase } from "@/lib/db/open-database";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** Put in the name of a skipped PostgreSQL suite, so the run says why and how to run it. */
export const POSTGRES_SKIPPED = "skipped: TEST_DATABASE_URL is not set (bash .ci/run sets it; or see scripts/ci-postgres.sh)";

// The default reporter shows skipped suites only as a count: say it where it cannot be missed.
if (!TEST_DATABASE_URL) console.warn(`[storage tests] PostgreSQL half ${POSTGRES_SKIPPED}`);

export interface StorageBackend {
  name: "PGlite" | "PostgreSQL";
  available: boolean;
  /** A new, migrated, empty database; `close()` also removes it. */
  open(): Promise<OpenDatabase>;
}

export const STORAGE_BACKENDS: StorageBackend[] = [
  { name: "PGlite", available: true, open: () => openDatabase({ dataDir: "memory://" }) },
  {
    name: "PostgreSQL",
    available: TEST_DATABASE_URL !== undefined,
    open: async () => {
      const database = await createPostgresDatabase();
      try {
        const opened = await openDatabase({ databaseUrl: database.url, dataDir: "unused" });
        return {
          ...opened,
          close: async () => {
            await opened.close();
            await database.drop();
          },
        };
      } catch (error) {
        await database.drop();
        throw error;
      }
    },
  },
];

/** A new empty database on the TEST_DATABASE_URL server (not migrated), and how to drop it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  const name = `grantdesk_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(run: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}
