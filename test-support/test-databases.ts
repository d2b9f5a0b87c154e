// The storage tests run against embedded PGlite always, and against a real PostgreSQL server too
// when TEST_DATABASE_URL names one (`.ci/run` starts one with scripts/ci-postgres.sh). Each
// test gets a database of its own: PGlite in memory, or a fresh PostgreSQL database created for
// it and dropped afterwards.

import { openDatabase, type OpenDatabase } from "@/lib/db/open-database";
import { createPostgresDatabase, TEST_DATABASE_URL } from "./postgres-database";

export { createPostgresDatabase, TEST_DATABASE_URL };

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
