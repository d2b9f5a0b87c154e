import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { db } from "./database";
import { DataDirInUseError } from "./data-dir-lock";

/**
 * Opens the database and applies pending migrations while the server starts, so the first
 * action does not wait for them and a wrong setting shows in the log at once.
 *
 * PostgreSQL that cannot be reached does not stop the server: pages still load, actions are
 * refused (503 `audit_unavailable`) and db() tries again on the next one, so a database that
 * comes up later is picked up. The embedded database is different: its folder is here, and if it
 * cannot be opened now it will not open later, so start-up stops with one line saying what to do
 * rather than run a server that refuses every action.
 */
export async function openDatabaseAtStartup(): Promise<void> {
  try {
    await db();
  } catch (error) {
    const config = env();
    if (!config.databaseUrl) {
      console.error(embeddedDatabaseProblem(path.resolve(config.dataDir), error));
      process.exit(1);
    }
    console.error(
      `[db] could not open the database: ${describe(error)}. ` +
        "Reviews and revokes are refused until it can be reached (check DATABASE_URL or DATA_DIR).",
    );
  }
}

/** One line: what is wrong with the folder, and what to do about it. */
export function embeddedDatabaseProblem(dataDir: string, error: unknown): string {
  if (error instanceof DataDirInUseError) {
    return (
      `[db] Grantdesk did not start: DATA_DIR ${dataDir} is in use by another Grantdesk process (pid ${error.pid}). ` +
      "The embedded database allows one process per folder: stop that one (or give this one another DATA_DIR)."
    );
  }
  return (
    `[db] Grantdesk did not start: DATA_DIR ${dataDir} cannot be opened (${describe(error)}). Nothing in it was changed. ` +
    "Move the folder aside and start with an empty DATA_DIR, restoring your latest backup into it first (`npm run db:restore -- FILE`); " +
    "`npm run db:backup` exports any folder that still opens."
  );
}

function describe(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error));
}
