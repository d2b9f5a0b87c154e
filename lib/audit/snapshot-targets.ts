import "server-only";
import type { Page, PatRequestRow, PatTokenRow } from "@/lib/contract/pat-rows";
import type { GitHubClient } from "@/lib/github/create-github-client";
import { listRequests } from "@/lib/github/list-requests";
import { listTokens } from "@/lib/github/list-tokens";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { github } from "@/lib/github/shared-client";

/** The token an id belongs to, as GitHub lists it. */
export interface TargetSnapshot {
  tokenId: number;
  tokenName: string;
  ownerLogin: string;
}

/** GitHub's list filter `token_id` takes at most 50 ids. */
export const TOKEN_IDS_PER_LOOKUP = 50;
/** The most an action waits for the snapshot before sending without the ids still unconfirmed. */
export const SNAPSHOT_DEADLINE_MS = 5_000;

type Lister = (org: string, query: { tokenId: number[]; perPage: number }, client: GitHubClient) => Promise<Page<PatRequestRow | PatTokenRow>>;

/**
 * GitHub's description of each target's token (name, owner), read just before the action is
 * sent, for the audit trail. Request and grant ids cannot be looked up directly, so the page
 * says which token it showed for each id (`tokenIds`, same order as `ids`) and the lists are
 * filtered by those token ids (`token_id[]`, 50 a call, calls in parallel): at most one read per
 * 50 ids, none when no token ids are given. Only GitHub's rows are recorded, and only where
 * GitHub lists that token under that very id, so a wrong or stale token id leaves the id
 * without a snapshot rather than with someone else's token.
 *
 * Never fails the action: an id GitHub does not list (no longer pending or active), a read
 * that fails, or one slower than SNAPSHOT_DEADLINE_MS leaves that id out of the result.
 */
export async function snapshotTargets(
  org: string,
  list: "requests" | "tokens",
  ids: readonly number[],
  tokenIds: readonly number[] | undefined,
  client: GitHubClient = github(),
): Promise<Map<number, TargetSnapshot>> {
  const snapshots = new Map<number, TargetSnapshot>();
  if (!tokenIds) return snapshots;

  const claimed = new Map<number, number>();
  ids.forEach((id, index) => {
    const tokenId = tokenIds[index];
    if (tokenId !== undefined && !claimed.has(id)) claimed.set(id, tokenId);
  });
  const distinctTokenIds = [...new Set(claimed.values())];
  const lister: Lister = list === "requests" ? listRequests : listTokens;

  const lookups = chunk(distinctTokenIds, TOKEN_IDS_PER_LOOKUP).map(async (tokenIdChunk) => {
    // 100 rows a page: room for a token listed twice (two requests) without missing the other.
    const page = await lister(org, { tokenId: tokenIdChunk, perPage: 100 }, client);
    for (const row of page.items) {
      if (claimed.get(row.id) === row.tokenId) {
        snapshots.set(row.id, { tokenId: row.tokenId, tokenName: row.tokenName, ownerLogin: row.owner.login });
      }
    }
  });

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), SNAPSHOT_DEADLINE_MS);
  });
  const settled = await Promise.race([Promise.allSettled(lookups), deadline]);
  clearTimeout(timer);
  if (settled === "late") {
    console.warn(`[audit] GitHub took over ${SNAPSHOT_DEADLINE_MS / 1000} s to describe the tokens of ${org}; recording the ids without them`);
    // A copy: lookups still running must not change what is being recorded.
    return new Map(snapshots);
  }
  for (const result of settled) {
    if (result.status === "rejected") {
      console.warn(`[audit] could not read the tokens of ${org} for the audit trail: ${redactSecrets(String(result.reason instanceof Error ? result.reason.message : result.reason))}`);
    }
  }
  return snapshots;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
