// The database the server is configured with (DATABASE_URL, DATABASE_MIGRATION_URL, DATA_DIR),
// opened for a maintenance script; on failure it prints one line saying why and exits 2.
import path from "node:path";
import { DataDirInUseError } from "@/lib/db/data-dir-lock";
import { openDatabase, type OpenDatabase } from "@/lib/db/open-database";

export function configuredLocation() {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  return { databaseUrl, migrationUrl: process.env.DATABASE_MIGRATION_URL || undefined, dataDir: process.env.DATA_DIR || "./data" };
}

/** Prints one line and exits 2. */
export function fail(script: string, message: string): never {
  console.error(`${script}: ${message}`);
  process.exit(2);
}

export async function openConfiguredDatabase(script: string): Promise<OpenDatabase> {
  const location = configuredLocation();
  try {
    return await openDatabase(location);
  } catch (error) {
    if (error instanceof DataDirInUseError) fail(script, inUse(location.dataDir, error));
    fail(script, `could not open the database: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function inUse(dataDir: string, error: DataDirInUseError): string {
  return `DATA_DIR ${path.resolve(dataDir)} is in use by Grantdesk (pid ${error.pid}); the embedded database allows one process per folder: stop the server first.`;
}
