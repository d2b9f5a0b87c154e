import "server-only";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { db } from "./database";

/**
 * Opens the database and applies pending migrations while the server starts, so the first
 * action does not wait for them and a wrong DATABASE_URL shows in the log at once. A failure
 * does not stop the server: pages still load, actions are refused (503 `audit_unavailable`)
 * and db() tries again on the next one, so a database that comes up later is picked up.
 */
export async function openDatabaseAtStartup(): Promise<void> {
  try {
    await db();
  } catch (error) {
    console.error(
      `[db] could not open the database: ${redactSecrets(error instanceof Error ? error.message : String(error))}. ` +
        "Reviews and revokes are refused until it can be reached (check DATABASE_URL or DATA_DIR).",
    );
  }
}
