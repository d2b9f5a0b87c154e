import "server-only";
import { isApiError, isServerErrorCode } from "@/lib/contract/api-error";
import type { BulkResult, IdOutcome } from "@/lib/contract/bulk-result";
import type { Page } from "@/lib/contract/pat-rows";
import { isShuttingDown } from "@/lib/lifecycle/shutdown";
import { toGitHubError, type GitHubCallContext } from "./github-error";
import { redactSecrets } from "./redact-secrets";

/** GitHub's bulk review and revoke endpoints take 1–100 ids per call. */
export const MAX_IDS_PER_CALL = 100;
/** How far a re-read after an unclear answer looks (pages of 100) before calling the outcome unknown. */
export const MAX_RECHECK_PAGES = 10;

export interface ChunkedWrite {
  /** The single endpoint (answers 204). */
  sendOne(id: number): Promise<unknown>;
  /** The bulk endpoint (answers 202), 2–100 ids. */
  sendMany(ids: number[]): Promise<unknown>;
  /** Re-reads GitHub: which of `ids` are still listed (pending / active), and whether it saw the whole list. */
  findListed(ids: number[]): Promise<{ listed: Set<number>; complete: boolean }>;
  /** "pending" for requests, "active" for tokens: what a listed id still is. */
  listedAs: string;
  context: GitHubCallContext;
}

interface Failure {
  code: string;
  message: string;
  status?: number;
  /** GitHub may have applied the call (5xx, timeout, broken connection). */
  unclear: boolean;
}

// After these, every further call for the org would fail the same way.
// (reauth_required: GitHub refused the acting owner's token and its refresh — ACT_AS=owner.)
const STOPS_THE_BATCH = new Set(["github_unauthorized", "missing_permission", "not_installed", "rate_limited", "github_unreachable", "reauth_required"]);
// GitHub failing twice in a row is an outage, not a blip: stop rather than keep the person waiting.
const UNCLEAR_IN_A_ROW_TO_STOP = 2;

/**
 * Sends a review or revoke for every id and reports each one's outcome. Ids are deduplicated
 * first (the result has one outcome per distinct id, in the order given), so none is sent twice.
 * One id uses the single endpoint; more go to the bulk endpoint in chunks of ≤ 100, one after
 * another (the client paces writes ≥ 1 s apart).
 *
 * A chunk that fails marks only its ids failed, with GitHub's status and message; later chunks
 * still go, unless the failure holds for the whole org (bad app credentials, missing
 * permission, app not installed, rate limit, GitHub unreachable) or GitHub failed twice in a row:
 * the remaining ids are then reported "not sent". A chunk whose answer is unclear (5xx, timeout,
 * broken connection) is never resent: once all chunks are done, the list is re-read, and each
 * such id is reported accepted with `inferred: true` (no longer listed), `not_applied` (still listed) or
 * `outcome_unknown` (the re-read failed or could not see the whole list).
 *
 * Once the server is shutting down (SIGTERM), the chunk in flight finishes and the rest are
 * reported "not sent" (`shutting_down`), so the caller records every outcome before the exit.
 * When GitHub refuses the acting owner's token before anything was sent (`reauth_required`),
 * the whole call is refused with that ApiError instead, so the owner is asked to sign in again.
 */
export async function sendInChunks(ids: readonly number[], write: ChunkedWrite): Promise<BulkResult> {
  const distinct = [...new Set(ids)];
  const outcomes = new Map<number, IdOutcome>();
  const unclear: { ids: number[]; failure: Failure }[] = [];
  let stopped: Failure | undefined;
  let unclearInARow = 0;

  for (const chunk of toChunks(distinct)) {
    if (!stopped && isShuttingDown()) {
      stopped = { code: "shutting_down", message: "Grantdesk was stopping, so it sent no more. Try these again in a moment.", unclear: false };
    }
    if (stopped) {
      for (const id of chunk) outcomes.set(id, { id, ok: false, code: stopped.code, error: `Not sent: ${stopped.message}` });
      continue;
    }
    try {
      if (distinct.length === 1) await write.sendOne(chunk[0]!);
      else await write.sendMany(chunk);
      for (const id of chunk) outcomes.set(id, { id, ok: true });
      unclearInARow = 0;
    } catch (error) {
      const failure = toFailure(error, write.context);
      if (failure.unclear) {
        unclear.push({ ids: chunk, failure });
        unclearInARow += 1;
        if (unclearInARow >= UNCLEAR_IN_A_ROW_TO_STOP) {
          stopped = { code: "github_unavailable", message: "GitHub failed twice in a row, so Grantdesk stopped. Try again later.", unclear: false };
        }
        continue;
      }
      unclearInARow = 0;
      if (failure.code === "reauth_required" && outcomes.size === 0 && unclear.length === 0) throw error;
      for (const id of chunk) outcomes.set(id, { id, ok: false, status: failure.status, code: failure.code, error: failure.message });
      if (STOPS_THE_BATCH.has(failure.code)) stopped = failure;
    }
  }

  if (unclear.length > 0) await settleUnclear(unclear, write, outcomes);

  const results = distinct.map((id) => outcomes.get(id)!);
  const accepted = results.filter((result) => result.ok).length;
  return { results, accepted, skipped: 0, failed: results.length - accepted };
}

/**
 * Pages through a list (100 rows a page, at most MAX_RECHECK_PAGES) looking for `ids`. Stops
 * early once all are found; `complete` says whether an id not found is truly absent.
 */
export async function scanForIds(
  ids: number[],
  listPage: (page: number) => Promise<Page<{ id: number }>>,
): Promise<{ listed: Set<number>; complete: boolean }> {
  const wanted = new Set(ids);
  const listed = new Set<number>();
  for (let page = 1; page <= MAX_RECHECK_PAGES; page++) {
    const result = await listPage(page);
    for (const item of result.items) if (wanted.has(item.id)) listed.add(item.id);
    if (listed.size === wanted.size || !result.hasNextPage) return { listed, complete: true };
  }
  return { listed, complete: false };
}

function toChunks(ids: number[]): number[][] {
  const chunks: number[][] = [];
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_CALL) chunks.push(ids.slice(start, start + MAX_IDS_PER_CALL));
  return chunks;
}

function toFailure(error: unknown, context: GitHubCallContext): Failure {
  // Grantdesk's own refusal mid-call (the owner's token could not be renewed): nothing was sent.
  if (isApiError(error) && isServerErrorCode(error.code)) return { code: error.code, message: error.message, unclear: false };
  const githubError = toGitHubError(error, context);
  if (githubError) {
    return { code: githubError.code, message: githubError.message, status: githubError.status, unclear: githubError.outcomeUnclear };
  }
  // Not a GitHub answer but a fault of ours mid-call: whether GitHub got the call is unknown.
  console.error("[github] unexpected error during a write:", redactSecrets(String(error instanceof Error ? error.stack ?? error.message : error)));
  return { code: "internal_error", message: "An unexpected error interrupted the call.", unclear: true };
}

async function settleUnclear(unclear: { ids: number[]; failure: Failure }[], write: ChunkedWrite, outcomes: Map<number, IdOutcome>) {
  let recheck: { listed: Set<number>; complete: boolean } | undefined;
  try {
    recheck = await write.findListed(unclear.flatMap((entry) => entry.ids));
  } catch {
    recheck = undefined;
  }
  for (const { ids, failure } of unclear) {
    for (const id of ids) {
      if (recheck?.listed.has(id)) {
        outcomes.set(id, {
          id,
          ok: false,
          status: failure.status,
          code: "not_applied",
          error: `${failure.message} It was still ${write.listedAs} when Grantdesk checked again, so GitHub has not applied it. It was not resent; trying again is safe.`,
        });
      } else if (recheck?.complete) {
        // Accepted as far as anyone can tell, but inferred from its absence, not answered: the trail says so.
        outcomes.set(id, { id, ok: true, inferred: true });
      } else {
        outcomes.set(id, {
          id,
          ok: false,
          status: failure.status,
          code: "outcome_unknown",
          error: `${failure.message} Grantdesk could not tell whether GitHub applied it and did not resend it. Reload the list before trying again.`,
        });
      }
    }
  }
}
