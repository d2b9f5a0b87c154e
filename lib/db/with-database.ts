import "server-only";
import { ApiError } from "@/lib/contract/api-error";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { db } from "./database";
import type { Database } from "./open-database";

/**
 * Runs `work` on the database. A database that cannot be opened or answer becomes a 503
 * `database_unavailable` a person can act on; the detail goes to the server log only, under
 * `area`. Errors `passThrough` accepts (by default Grantdesk's own ApiErrors) are thrown as they are.
 */
export async function withDatabase<T>(area: string, work: (database: Database) => Promise<T>, passThrough: (error: unknown) => boolean = (error) => error instanceof ApiError): Promise<T> {
  let database: Database;
  try {
    database = await db();
  } catch (error) {
    throw unavailable(area, error);
  }
  try {
    return await work(database);
  } catch (error) {
    if (passThrough(error)) throw error;
    throw unavailable(area, error);
  }
}

function unavailable(area: string, error: unknown): ApiError {
  console.error(`[${area}] database: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
  return new ApiError("database_unavailable", "Grantdesk's database cannot be reached right now. Try again in a moment; if it keeps failing, check Grantdesk's database.");
}
