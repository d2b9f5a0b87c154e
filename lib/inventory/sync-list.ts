import "server-only";
import PQueue from "p-queue";
import { MAX_TOKEN_IDS_PER_CALL } from "@/lib/contract/github-names";
import type { PatResource, PatRows } from "@/lib/contract/pat-rows";
import type { Database } from "@/lib/db/open-database";
import type { GitHubClient } from "@/lib/github/create-github-client";
import { findListedByTokenIds } from "@/lib/github/find-listed";
import { GitHubError } from "@/lib/github/github-error";
import { fetchPatPageConditionally } from "@/lib/github/pat-lists";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { currentRows, markGone, touchListedRows, upsertListedRows } from "./inventory-store";
import { forgetPage, forgetPagesAfter, loadPages, savePage, type StoredPage } from "./page-store";
import { noteSyncProgress } from "./inventory-events";
import { finishSync, reportSyncProgress, takeSyncLease } from "./sync-state";
import { noteRowsWritten } from "./tidy-inventory";

// One sync of one list (an org's pending requests or its token grants): a complete pass over
// GitHub's pages, 100 rows a page, each page asked for with the ETag it had last time (an
// unchanged page is a 304: no rate limit, and the ids stored with it are still there). Rows GitHub
// lists are stored at once, so the tables fill while the pass runs.
//
// The pass reads the newest page first (`direction=desc`, page 1; stored as page 0), then the
// older pages oldest first (`direction=asc`, pages 1 to N − 1, N the number of pages): together
// they hold every row (the newest page reaches back over whatever the last old page lacks), in
// ⌈rows/100⌉ calls. New rows join a list at its newest end, so the newest page is also what
// says whether the list grew: unchanged (a 304), the list did not grow and still has the N pages
// GitHub said it had; changed, its Link header says how many there are now. A re-sync of an
// unchanged list is all 304s, whether or not its last page was full.
//
// Rows the pass did not see are not taken for gone: a row can slip between pages while the list
// changes under the pass (one removed before it moves it a page back). Only after a complete pass
// are the rows it missed looked up with GitHub's `token_id[]` filter; those GitHub still lists
// stay, the rest are marked gone (kept as history).

const PER_PAGE = 100;
/** Where the newest page (`direction=desc`, page 1) is stored among the list's pages. */
const NEWEST = 0;
/** Pages read at once: a fraction of GitHub's 100 concurrent requests, leaving room for people's reads. */
const PAGE_CONCURRENCY = 8;
/** How often a running pass reports progress and renews its lease. */
const REPORT_EVERY_MS = 1_000;

export interface SyncListOptions {
  database: Database;
  client: GitHubClient;
  /** Who holds the lease: this instance. */
  owner: string;
  pageConcurrency?: number;
}

export type SyncOutcome =
  | { status: "done"; pages: number; calls: number; notModified: number; listed: number; gone: number }
  | { status: "busy" }
  | { status: "failed"; code: string; message: string };

interface PageResult {
  ids: number[];
  hasNext: boolean;
  /** How many pages GitHub said the list had (the newest page's count stands while it is unchanged). */
  lastPage: number | null;
  notModified: boolean;
}

class LeaseLost extends Error {}

export async function syncList(org: string, kind: PatResource, options: SyncListOptions): Promise<SyncOutcome> {
  const { database, client, owner } = options;
  const key = org.toLowerCase();
  if (!(await takeSyncLease(database, key, kind, owner, new Date()))) return { status: "busy" };
  await noteSyncProgress(database, key, kind, false);

  const counts = { pagesDone: 0, pagesTotal: null as number | null, calls: 0, notModified: 0 };
  /** Rows this pass stored anew (pages GitHub sent) or took off. */
  let rowsWritten = 0;
  let lastReport = Date.now();
  const report = async (force = false) => {
    if (!force && Date.now() - lastReport < REPORT_EVERY_MS) return;
    lastReport = Date.now();
    if (!(await reportSyncProgress(database, key, kind, owner, counts))) throw new LeaseLost();
  };

  try {
    const stored = await loadPages(database, key, kind);
    const seen = new Set<number>();
    const queue = new PQueue({ concurrency: options.pageConcurrency ?? PAGE_CONCURRENCY });

    const readPage = async (page: number): Promise<PageResult> => {
      const prior = stored.get(page);
      const seenAt = new Date();
      const query = page === NEWEST ? { page: 1, perPage: PER_PAGE, direction: "desc" as const } : { page, perPage: PER_PAGE, direction: "asc" as const };
      const answer = await fetchPatPageConditionally(org, kind, query, prior?.etag, client);
      counts.calls += 1;
      let result: PageResult;
      if (answer.notModified) {
        counts.notModified += 1;
        await touchListedRows(database, key, kind, prior!.ids, seenAt);
        result = { ids: prior!.ids, hasNext: prior!.hasNext, lastPage: prior!.lastPage, notModified: true };
      } else {
        await upsertListedRows(database, key, kind, answer.rows, seenAt);
        rowsWritten += answer.rows.length;
        const ids = answer.rows.map((row) => row.id);
        const kept: Omit<StoredPage, "etag"> = { ids, hasNext: answer.hasNextPage, lastPage: answer.lastPage };
        if (answer.etag) await savePage(database, key, kind, page, { ...kept, etag: answer.etag });
        else await forgetPage(database, key, kind, page);
        result = { ...kept, notModified: false };
      }
      for (const id of result.ids) seen.add(id);
      counts.pagesDone += 1;
      await report();
      return result;
    };
    const readPages = (from: number, to: number) => Promise.all(Array.from({ length: to - from + 1 }, (_, index) => queue.add(() => readPage(from + index))));

    // The newest page says how many pages there are (when it changed; else the count it gave last
    // time stands). Then the older ones, oldest first.
    const newest = await readPage(NEWEST);
    let lastRead: number;
    if (newest.lastPage !== null) {
      counts.pagesTotal = newest.lastPage;
      lastRead = newest.lastPage - 1;
      if (lastRead >= 1) await readPages(1, lastRead);
    } else {
      // GitHub named no last page (it does whenever there is a next one): read on until a page says the list ends.
      lastRead = 0;
      for (let more = true; more; ) more = (await readPage(++lastRead)).hasNext;
      counts.pagesTotal = lastRead + 1;
    }
    await forgetPagesAfter(database, key, kind, lastRead);
    await report(true);

    const gone = await confirmMissing(org, kind, seen, options, counts);
    rowsWritten += gone;
    const changed = counts.calls > counts.notModified || gone > 0;
    await finishSync(database, key, kind, owner, { ok: true, changed }, counts);
    await noteSyncProgress(database, key, kind, changed);
    await noteRowsWritten(database, rowsWritten);
    return { status: "done", pages: counts.pagesDone, calls: counts.calls, notModified: counts.notModified, listed: seen.size, gone };
  } catch (error) {
    if (error instanceof LeaseLost) return { status: "busy" };
    const failure =
      error instanceof GitHubError
        ? { code: error.code, message: error.message }
        : { code: "internal_error", message: `The sync stopped on an error in Grantdesk: ${redactSecrets(error instanceof Error ? error.message : String(error))}` };
    if (!(error instanceof GitHubError)) console.error(`[inventory] sync of ${org} ${kind} failed:`, redactSecrets(String(error instanceof Error ? error.stack : error)));
    await finishSync(database, key, kind, owner, { ok: false, ...failure, changed: counts.calls > counts.notModified }, counts).catch(() => undefined);
    await noteSyncProgress(database, key, kind, counts.calls > counts.notModified);
    await noteRowsWritten(database, rowsWritten);
    return { status: "failed", ...failure };
  }
}

/**
 * After a complete pass: the rows the inventory holds as listed that the pass did not see are
 * looked up by their token ids. Those GitHub lists are kept (and refreshed); the others are gone.
 * Returns how many went.
 */
async function confirmMissing(
  org: string,
  kind: PatResource,
  seen: ReadonlySet<number>,
  { database, client }: SyncListOptions,
  counts: { calls: number },
): Promise<number> {
  const missing = (await currentRows(database, org, kind)).filter((row) => !seen.has(row.id));
  if (missing.length === 0) return 0;
  const now = new Date();
  const listed: PatRows[PatResource][] = await findListedByTokenIds(org, kind, missing.map((row) => row.tokenId), client);
  counts.calls += Math.ceil(new Set(missing.map((row) => row.tokenId)).size / MAX_TOKEN_IDS_PER_CALL);
  const missingIds = new Set(missing.map((row) => row.id));
  const stillListed = listed.filter((row) => missingIds.has(row.id));
  await upsertListedRows(database, org, kind, stillListed, now);
  const listedIds = new Set(stillListed.map((row) => row.id));
  const gone = missing.filter((row) => !listedIds.has(row.id));
  if (kind === "requests") {
    await markGone(database, org, kind, gone.map((row) => row.id), "reviewed_outside", now);
  } else {
    const expired = gone.filter((row) => row.expiredAt !== null && row.expiredAt <= now);
    const revoked = gone.filter((row) => !expired.includes(row));
    await markGone(database, org, kind, expired.map((row) => row.id), "expired", now);
    await markGone(database, org, kind, revoked.map((row) => row.id), "revoked_outside", now);
  }
  return gone.length;
}
