import "server-only";
import { ApiError } from "@/lib/contract/api-error";
import { db } from "@/lib/db/database";
import type { Database } from "@/lib/db/open-database";
import { redactSecrets } from "@/lib/github/redact-secrets";

/**
 * Runs a read of the audit trail. A database that cannot be opened or answer becomes a 503
 * `audit_unavailable` a person can act on; the detail goes to the server log only.
 */
export async function readTrail<T>(read: (database: Database) => Promise<T>): Promise<T> {
  try {
    return await read(await db());
  } catch (error) {
    console.error(`[audit] could not read the trail: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
    throw new ApiError("audit_unavailable", "Grantdesk's audit trail cannot be read right now. Try again in a moment; if it keeps failing, check Grantdesk's database.");
  }
}
