import "server-only";
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { patInventory as row } from "@/lib/db/inventory-schema";
import { bulkJobs } from "@/lib/db/jobs-schema";
import type { StoredTriggers } from "@/lib/db/notifications-schema";
import type { Database } from "@/lib/db/open-database";
import { SINCE_GRACE_MS, type Candidates, type InventoryCandidate } from "./due-notifications";
import { EXPIRING_DAYS, UNUSED_DAYS } from "./digest-contents";

// The database's side of due-notifications.ts: for each trigger that is on, the rows that may be
// due — made, overdue, expiring or finished since the trigger was switched on — and not yet
// recorded for that trigger. Each query is bounded; whatever is left is found on the next pass.

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
/** Candidates per trigger per pass. */
const BATCH = 100;

const fields = {
  id: row.id,
  tokenId: row.tokenId,
  tokenName: row.tokenName,
  ownerLogin: row.ownerLogin,
  reason: row.reason,
  permissions: row.permissions,
  repositorySelection: row.repositorySelection,
  listedAt: row.listedAt,
  tokenExpired: row.tokenExpired,
  tokenExpiresAt: row.tokenExpiresAt,
  tokenLastUsedAt: row.tokenLastUsedAt,
  goneAt: row.goneAt,
};

/** No notification is recorded yet for this trigger and subject (on any channel). */
const notRecorded = (org: string, trigger: string, subject: SQL) =>
  sql`not exists (select 1 from notifications n where n.org = ${org} and n.trigger = ${trigger} and n.subject = ${subject})`;

const liveRows = (org: string, kind: "requests" | "tokens") => and(eq(row.org, org), eq(row.kind, kind), isNull(row.goneAt));

export async function findCandidates(database: Database, org: string, triggers: StoredTriggers, now: Date): Promise<Candidates> {
  const key = org.toLowerCase();
  const since = (value: string | null) => (value === null ? null : new Date(new Date(value).getTime() - SINCE_GRACE_MS));
  const empty = Promise.resolve([] as InventoryCandidate[]);
  const batch = (where: SQL | undefined, ...order: SQL[]) => database.select(fields).from(row).where(where).orderBy(...order).limit(BATCH);

  const newSince = triggers.newRequest.enabled ? since(triggers.newRequest.since) : null;
  const newRequests = newSince
    ? batch(and(liveRows(key, "requests"), gte(row.listedAt, newSince), notRecorded(key, "new_request", sql`${row.id}::text`)), asc(row.listedAt), asc(row.id))
    : empty;

  const pendingSince = triggers.pendingRequest.enabled ? since(triggers.pendingRequest.since) : null;
  const waitMs = triggers.pendingRequest.hours * HOUR_MS;
  const pendingRequests = pendingSince
    ? batch(
        and(
          liveRows(key, "requests"),
          lte(row.listedAt, new Date(now.getTime() - waitMs)),
          gte(row.listedAt, new Date(pendingSince.getTime() - waitMs)),
          notRecorded(key, "pending_request", sql`${row.id}::text`),
        ),
        asc(row.listedAt),
        asc(row.id),
      )
    : empty;

  const expiringSince = triggers.tokenExpiring.enabled ? since(triggers.tokenExpiring.since) : null;
  const warnMs = triggers.tokenExpiring.days * DAY_MS;
  const expiringTokens = expiringSince
    ? batch(
        and(
          liveRows(key, "tokens"),
          eq(row.tokenExpired, false),
          sql`${row.tokenExpiresAt} > ${now}`,
          lte(row.tokenExpiresAt, new Date(now.getTime() + warnMs)),
          gte(row.tokenExpiresAt, new Date(expiringSince.getTime() + warnMs)),
          notRecorded(key, "token_expiring", sql`${row.id}::text || '@' || floor(extract(epoch from ${row.tokenExpiresAt}))::bigint::text`),
        ),
        asc(row.tokenExpiresAt),
        asc(row.id),
      )
    : empty;

  const jobSince = triggers.jobFinished.enabled ? since(triggers.jobFinished.since) : null;
  const jobs = jobSince
    ? database
        .select({
          id: bulkJobs.id,
          kind: bulkJobs.kind,
          action: bulkJobs.action,
          status: bulkJobs.status,
          actorLogin: bulkJobs.actorLogin,
          description: bulkJobs.description,
          total: bulkJobs.total,
          accepted: bulkJobs.accepted,
          skipped: bulkJobs.skipped,
          failed: bulkJobs.failed,
          lastError: bulkJobs.lastError,
          finishedAt: bulkJobs.finishedAt,
        })
        .from(bulkJobs)
        .where(
          and(
            eq(bulkJobs.org, key),
            isNotNull(bulkJobs.finishedAt),
            gte(bulkJobs.finishedAt, jobSince),
            or(eq(bulkJobs.status, "failed"), and(inArray(bulkJobs.status, ["done", "cancelled"]), sql`${bulkJobs.total} > 1`)),
            notRecorded(key, "job_finished", sql`${bulkJobs.id}::text`),
          ),
        )
        .orderBy(asc(bulkJobs.finishedAt))
        .limit(BATCH)
    : Promise.resolve([]);

  const [a, b, c, d] = await Promise.all([newRequests, pendingRequests, expiringTokens, jobs]);
  return { newRequests: a, pendingRequests: b, expiringTokens: c, jobs: d };
}

/** What a digest lists, read in three queries (digest-contents.ts picks and orders). */
export async function readDigestRows(database: Database, org: string, now: Date): Promise<{ pendingTotal: number; oldestPending: InventoryCandidate[]; tokens: InventoryCandidate[] }> {
  const key = org.toLowerCase();
  const [oldestPending, pendingTotal, tokens] = await Promise.all([
    database.select(fields).from(row).where(liveRows(key, "requests")).orderBy(asc(row.listedAt), asc(row.id)).limit(20),
    database.$count(row, liveRows(key, "requests")),
    database
      .select(fields)
      .from(row)
      .where(
        and(
          liveRows(key, "tokens"),
          or(
            and(eq(row.tokenExpired, false), sql`${row.tokenExpiresAt} > ${now}`, lte(row.tokenExpiresAt, new Date(now.getTime() + EXPIRING_DAYS * DAY_MS))),
            and(lte(row.tokenLastUsedAt, new Date(now.getTime() - UNUSED_DAYS * DAY_MS)), sql`${row.tokenLastUsedAt} > ${new Date(now.getTime() - (UNUSED_DAYS + 1) * DAY_MS)}`),
          ),
        ),
      )
      .limit(2_000),
  ]);
  return { pendingTotal, oldestPending, tokens };
}
