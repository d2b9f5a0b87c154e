import "server-only";
import { sql } from "drizzle-orm";
import type { OrgEvent } from "@/lib/contract/org-events";
import type { Database } from "@/lib/db/open-database";
import { redactSecrets } from "@/lib/github/redact-secrets";

// Every instance hears every org event through its database: PostgreSQL's NOTIFY reaches each
// instance's LISTEN (org-event-hub.ts), and PGlite's reaches its one process. An event only says
// that something changed, so it is never more than a few dozen bytes (NOTIFY allows 8,000).

export const ORG_EVENTS_CHANNEL = "grantdesk_events";

/**
 * Tells open pages on every instance that something of the org changed. Sent inside a
 * transaction, it goes out when the transaction commits (and not at all if it rolls back). A
 * failure is logged, not thrown: the pages' slow poll still catches up, and the change itself
 * must not fail for want of telling.
 */
export async function publishOrgEvent(database: Pick<Database, "execute">, event: OrgEvent): Promise<void> {
  try {
    await database.execute(sql`select pg_notify(${ORG_EVENTS_CHANNEL}, ${JSON.stringify({ ...event, org: event.org.toLowerCase() })})`);
  } catch (error) {
    console.warn(`[events] could not publish a ${event.type} event of ${event.org}: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
  }
}
