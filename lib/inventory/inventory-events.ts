import "server-only";
import type { PatResource } from "@/lib/contract/pat-rows";
import type { Database } from "@/lib/db/open-database";
import { publishOrgEvent } from "@/lib/events/publish-org-event";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { markListsChanged } from "./sync-state";

// However the inventory changes — a sync, a webhook delivery, a job's accepted writes — the lists'
// `changed_at` moves (pages polling the status re-read then) and an event tells the pages open on
// every instance at once (lib/events).

/** Rows of these lists changed outside a sync. Never throws: the next sync and the pages' poll catch up. */
export async function noteInventoryChanged(database: Database, org: string, lists: readonly PatResource[]): Promise<void> {
  const key = org.toLowerCase();
  try {
    await markListsChanged(database, key, lists);
  } catch (error) {
    console.warn(`[inventory] could not mark ${org}'s lists changed: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
  }
  await publishOrgEvent(database, { type: "inventory", org: key, lists: [...lists], changed: true });
}

/** A sync started, or ended (`changed` when it found the list changed). */
export function noteSyncProgress(database: Database, org: string, list: PatResource, changed: boolean): Promise<void> {
  return publishOrgEvent(database, { type: "inventory", org: org.toLowerCase(), lists: [list], changed });
}
