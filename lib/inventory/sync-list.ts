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
// GitHub's pages, oldest first, 100 rows a page, each page asked for with the ETag it had last
// time (an unchanged page is a 304: no rate limit, and the ids stored with it are still there).
// Rows GitHub lists are stored at once, so the tables fill while the pass runs.
//
// Rows the pass did not see are not taken for gone: a row can slip between pages while the list
// changes under the pass (one removed before it moves it a page back). Only after a complete pass
// are the rows it missed looked up with GitHub's `token_id[]` filter; those GitHub still lists
// stay, the rest are marked gone (kept as history).

const PER_PAGE = 100;
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
      const answer = await fetchPatPageConditionally(org, kind, { page, perPage: PER_PAGE, direction: "asc" }, prior?.etag, client);
      counts.calls += 1;
      let result: PageResult;
      if (answer.notModified) {
        counts.notModified += 1;
        await touchListedRows(database, key, kind, prior!.ids, seenAt);
        result = { ids: prior!.ids, hasNext: prior!.hasNext, lastPage: null, notModified: true };
      } else {
        await upsertListedRows(database, key, kind, answer.rows, seenAt);
        rowsWritten += answer.rows.length;
        const ids = answer.rows.map((row) => row.id);
        if (answer.etag) await savePage(database, key, kind, page, { etag: answer.etag, ids, hasNext: answer.hasNextPage } satisfies StoredPage);
        else await forgetPage(database, key, kind, page);
        result = { ids, hasNext: answer.hasNextPage, lastPage: answer.lastPage, notModified: false };
      }
      for (const id of result.ids) seen.add(id);
      counts.pagesDone += 1;
      await report();
      return result;
    };
    const readPages = (from: number, to: number) => Promise.all(Array.from({ length: to - from + 1 }, (_, index) => queue.add(() => readPage(from + index))));

    // Page 1 says how many pages there are (when it changed; else the last pass's count stands).
    const first = await readPage(1);
    const last = Math.max(1, first.lastPage ?? Math.max(0, ...stored.keys()));
    counts.pagesTotal = last;
    const results = new Map<number, PageResult>([[1, first]]);
    if (last > 1) (await readPages(2, last)).forEach((result, index) => results.set(2 + index, result));

    // The list may have grown past the last page: GitHub says so on a changed page; an unchanged
    // full page cannot say, so the page after it is read too (empty: the list ends there).
    let lastRead = last;
    for (;;) {
      const end = results.get(lastRead)!;
      if (!end.hasNext && !(end.notModified && end.ids.length === PER_PAGE)) break;
      const next = await readPage(lastRead + 1);
      lastRead += 1;
      results.set(lastRead, next);
      if (next.ids.length === 0) break;
      const target = Math.max(lastRead, next.lastPage ?? 0);
      if (target > lastRead) {
        const from = lastRead + 1;
        (await readPages(from, target)).forEach((result, index) => results.set(from + index, result));
        lastRead = target;
      }
      counts.pagesTotal = lastRead;
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
