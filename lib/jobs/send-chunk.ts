import "server-only";
import type { AuditAction } from "@/lib/contract/audit-record";
import type { BulkResult, IdOutcome } from "@/lib/contract/bulk-result";
import type { PatResource } from "@/lib/contract/pat-rows";
import type { Database } from "@/lib/db/open-database";
import type { GitHubClient } from "@/lib/github/create-github-client";
import { reviewRequests } from "@/lib/github/review-requests";
import { revokeTokens } from "@/lib/github/revoke-tokens";
import type { UserTokenSource } from "@/lib/github/user-token-auth";
import { recheckTargets } from "@/lib/inventory/recheck-targets";

// One chunk (≤ 100 ids) of a job, sent to GitHub. GitHub refuses a bulk call whole (422) when one
// of its ids was already reviewed or revoked, applying none of them: the chunk is then narrowed
// down — GitHub is asked which ids it still lists, and only those are sent again — so one stale id
// does not fail the 99 others.

export interface ChunkSend {
  org: string;
  kind: PatResource;
  action: AuditAction;
  reason: string | null;
  ids: number[];
  database: Database;
  client: GitHubClient;
  /** ACT_AS=owner: the job's owner, whose own token the writes carry; absent: the app's installation token. */
  asUser?: UserTokenSource;
  /** Waits out the org's pacing before each call (the narrowed resend is a second call). */
  pace: () => Promise<void>;
}

function send({ org, action, reason, client, asUser }: ChunkSend, ids: number[]): Promise<BulkResult> {
  return action === "revoke" ? revokeTokens(org, ids, { client, asUser }) : reviewRequests(org, ids, action, reason ?? undefined, { client, asUser });
}

const refusedWhole = (result: BulkResult) => result.results.length > 1 && result.results.every((outcome) => !outcome.ok && outcome.status === 422);

/** Every id's outcome, in the order given. */
export async function sendChunk(chunk: ChunkSend): Promise<IdOutcome[]> {
  await chunk.pace();
  const first = await send(chunk, chunk.ids);
  if (!refusedWhole(first)) return first.results;

  const check = await recheckTargets(chunk.database, chunk.client, chunk.org, chunk.kind, chunk.ids);
  const still = chunk.ids.filter((id) => check.listed.has(id));
  // Nothing to narrow: every id is still listed (GitHub refused for another reason), or none is.
  if (still.length === chunk.ids.length) return first.results;
  const outcomes = new Map<number, IdOutcome>();
  for (const id of chunk.ids) {
    if (!check.listed.has(id)) {
      outcomes.set(id, { id, ok: false, code: "skipped", error: `Skipped: no longer ${chunk.kind === "requests" ? "pending" : "active"} in ${chunk.org} (GitHub refused the chunk for it; the rest were sent again).` });
    }
  }
  if (still.length > 0) {
    await chunk.pace();
    for (const outcome of (await send(chunk, still)).results) outcomes.set(outcome.id, outcome);
  }
  return chunk.ids.map((id) => outcomes.get(id)!);
}
