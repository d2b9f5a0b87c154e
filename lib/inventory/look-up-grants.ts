import "server-only";
import type { Database } from "@/lib/db/open-database";
import type { GitHubClient } from "@/lib/github/create-github-client";
import { findListedByTokenIds } from "@/lib/github/find-listed";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { noteInventoryChanged } from "./inventory-events";
import { upsertListedRows } from "./inventory-store";
import { requestSync } from "./sync-state";

// An approved request becomes a token grant. Its webhook names the token, so the grant is read
// with the tokens list's `token_id[]` filter and stored at once — rather than syncing the whole
// tokens list, whose pass costs a call per 100 tokens (unchanged pages are free 304s, but still
// calls) for one new row.
//
// Approvals come in bursts: one bulk approval of 1,000 requests is 1,000 deliveries within
// seconds, and a read per delivery would spend more than GitHub's 900-points-a-minute secondary
// limit allows. So lookups are coalesced per org: a read waits GATHER_MS for the rest of a burst,
// and the token ids arriving meanwhile (or while it runs) are read together (50 a call). The
// delivery does not wait for it. A token GitHub does not list yet, or a read that fails, leaves
// it to an early sync of the tokens list.

/** How long a lookup waits for more approvals of the same burst: the grant shows this much later. */
const GATHER_MS = 200;

interface OrgLookups {
  pending: Set<number>;
  running?: Promise<void>;
}

export interface LookUpGrantsOptions {
  database: Database;
  client: GitHubClient;
}

const holder = globalThis as typeof globalThis & { grantdeskGrantLookups?: Map<string, OrgLookups> };
const lookups = () => (holder.grantdeskGrantLookups ??= new Map());

/** Queues the token's grant in the org to be read and stored; returns at once. */
export function lookUpGrant(org: string, tokenId: number, options: LookUpGrantsOptions): void {
  const key = org.toLowerCase();
  const entry: OrgLookups = lookups().get(key) ?? { pending: new Set() };
  lookups().set(key, entry);
  entry.pending.add(tokenId);
  entry.running ??= drain(key, entry, options).finally(() => {
    entry.running = undefined;
    if (entry.pending.size > 0) lookUpGrant(key, [...entry.pending][0]!, options);
    else if (lookups().get(key) === entry) lookups().delete(key);
  });
}

async function drain(org: string, entry: OrgLookups, { database, client }: LookUpGrantsOptions): Promise<void> {
  while (entry.pending.size > 0) {
    await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
    const tokenIds = [...entry.pending];
    entry.pending.clear();
    try {
      const rows = await findListedByTokenIds(org, "tokens", tokenIds, client);
      await upsertListedRows(database, org, "tokens", rows, new Date());
      if (rows.length > 0) await noteInventoryChanged(database, org, ["tokens"]);
      const listed = new Set(rows.map((row) => row.tokenId));
      if (tokenIds.some((tokenId) => !listed.has(tokenId))) await requestSync(database, org, "tokens");
    } catch (error) {
      console.warn(`[webhooks] could not read ${tokenIds.length} new token grant(s) of ${org}; the tokens list will be synced instead: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
      await requestSync(database, org, "tokens").catch(() => undefined);
    }
  }
}

/** Resolves once every queued lookup has ended (tests, and a graceful shutdown). */
export async function grantLookupsSettled(): Promise<void> {
  for (;;) {
    const running = [...lookups().values()].flatMap((entry) => (entry.running ? [entry.running] : []));
    if (running.length === 0) return;
    await Promise.allSettled(running);
  }
}
