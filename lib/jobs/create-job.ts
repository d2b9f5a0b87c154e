import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, countDistinct, eq, inArray, sql, type SQL } from "drizzle-orm";
import { ApiError, isApiError } from "@/lib/contract/api-error";
import type { ActingIdentity, AuditAction } from "@/lib/contract/audit-record";
import type { InventoryFilters } from "@/lib/contract/inventory";
import { MAX_JOB_IDS, TYPED_CONFIRMATION_ABOVE, type JobDraft } from "@/lib/contract/jobs";
import type { PatResource } from "@/lib/contract/pat-rows";
import { recordBatch } from "@/lib/audit/record-intent";
import { patInventory } from "@/lib/db/inventory-schema";
import { bulkJobs } from "@/lib/db/jobs-schema";
import type { Database } from "@/lib/db/open-database";
import { inventoryWhere } from "@/lib/inventory/inventory-where";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { describeFilters, describeIds } from "./describe-selection";
import { chunkCount, storeJobIds } from "./job-ids";

// Creating a job: the set of ids is frozen first, so the set the owner confirms is the set that
// runs. A page's selection (explicit ids) is created and confirmed at once; "all that match a
// filter" is frozen as a draft, whose exact count the confirmation shows, then confirmed.

/** A draft the owner has not confirmed within this long is dropped. */
export const DRAFT_LIFETIME_MS = 30 * 60_000;

export const KIND_OF: Record<AuditAction, PatResource> = { approve: "requests", deny: "requests", revoke: "tokens" };

interface Actor {
  login: string;
  id: number;
}

interface Selection {
  org: string;
  action: AuditAction;
  actor: Actor;
  /** Whose credential the chunks will carry (ACT_AS when the job is made). */
  actedAs: ActingIdentity;
}

/** How many owners the selected rows belong to, and how many have write or admin access (from the inventory). */
async function selectionFacts(database: Database, selected: SQL) {
  const [facts] = await database
    .select({ owners: countDistinct(patInventory.ownerLogin), elevated: sql<number>`count(*) filter (where ${patInventory.maxLevel} >= 2)::int` })
    .from(patInventory)
    .where(selected);
  return { owners: facts?.owners ?? 0, elevated: facts?.elevated ?? 0 };
}

async function insertJob(
  database: Database,
  job: Selection & { id: string; kind: PatResource; ids: readonly number[]; selected: SQL; description: string; status: "draft" | "queued"; reason?: string },
) {
  const facts = await selectionFacts(database, job.selected);
  await database.transaction(async (tx) => {
    await tx.insert(bulkJobs).values({
      id: job.id,
      org: job.org.toLowerCase(),
      kind: job.kind,
      action: job.action,
      status: job.status,
      actorLogin: job.actor.login,
      actorId: job.actor.id,
      actedAs: job.actedAs,
      reason: job.reason ?? null,
      description: job.description,
      total: job.ids.length,
      owners: facts.owners,
      elevated: facts.elevated,
      chunks: chunkCount(job.ids.length),
      confirmedAt: job.status === "queued" ? new Date() : null,
    });
    await storeJobIds(tx, job.id, job.ids);
    if (job.status === "queued") await recordBatch(tx, { batchId: job.id, org: job.org, action: job.action, actor: job.actor, actedAs: job.actedAs, reason: job.reason });
  });
  return facts;
}

/** The ids of the org's current rows matching the filters, oldest first: what "all that match" means now. */
async function matchingIds(database: Database, selected: SQL): Promise<number[]> {
  const rows = await database
    .select({ id: patInventory.id })
    .from(patInventory)
    .where(selected)
    .orderBy(asc(patInventory.listedAt), asc(patInventory.id))
    .limit(MAX_JOB_IDS + 1);
  return rows.map((row) => row.id);
}

/** "Select all that match": freezes the matching ids as a draft for the owner to confirm. */
export async function createDraft(
  database: Database,
  selection: Selection & { filters: InventoryFilters; repositoryIds?: number[] },
): Promise<JobDraft> {
  const kind = KIND_OF[selection.action];
  const selected = inventoryWhere(selection.org, kind, { ...selection.filters, state: "active" }, { now: new Date(), repositoryIds: selection.repositoryIds });
  const ids = await matchingIds(database, selected);
  if (ids.length === 0) throw new ApiError("bad_request", "filters: nothing matches them, so there is nothing to act on.");
  if (ids.length > MAX_JOB_IDS) {
    throw new ApiError("bad_request", `filters: more than ${MAX_JOB_IDS.toLocaleString("en")} ${kind} match; narrow the filters (one job holds at most ${MAX_JOB_IDS.toLocaleString("en")}).`);
  }
  const id = randomUUID();
  const description = describeFilters(kind, selection.filters);
  const facts = await guard(() => insertJob(database, { ...selection, id, kind, ids, selected, description, status: "draft" }));
  return {
    id,
    org: selection.org.toLowerCase(),
    kind,
    action: selection.action,
    total: ids.length,
    ...facts,
    description,
    typedConfirmation: ids.length > TYPED_CONFIRMATION_ABOVE,
    expiresAt: new Date(Date.now() + DRAFT_LIFETIME_MS).toISOString(),
  };
}

/** A page's selection: the job is created and confirmed at once (the ids are the ones the page showed). */
export async function createJob(database: Database, selection: Selection & { ids: readonly number[]; reason?: string }): Promise<string> {
  const kind = KIND_OF[selection.action];
  const ids = [...new Set(selection.ids)];
  const id = randomUUID();
  const selected = and(eq(patInventory.org, selection.org.toLowerCase()), eq(patInventory.kind, kind), inArray(patInventory.id, ids))!;
  await guard(() => insertJob(database, { ...selection, id, kind, ids, selected, description: describeIds(kind, ids.length), status: "queued" }));
  return id;
}

/**
 * Confirms a draft: it becomes a queued job, recorded in the audit trail as its batch. Only the
 * owner who froze it may confirm it, within DRAFT_LIFETIME_MS; above TYPED_CONFIRMATION_ABOVE ids
 * they type the org's name.
 */
export async function confirmDraft(
  database: Database,
  confirmation: { org: string; draftId: string; actor: Actor; actedAs: ActingIdentity; reason?: string; typedOrg?: string },
): Promise<void> {
  const [draft] = await database
    .select()
    .from(bulkJobs)
    .where(and(eq(bulkJobs.id, confirmation.draftId), eq(bulkJobs.org, confirmation.org.toLowerCase())));
  if (!draft || draft.status !== "draft" || draft.actorId !== confirmation.actor.id || Date.now() - draft.createdAt.getTime() > DRAFT_LIFETIME_MS) {
    throw new ApiError("not_found", "draft: no such selection waiting for your confirmation (it may have expired: select again).");
  }
  if (draft.total > TYPED_CONFIRMATION_ABOVE && confirmation.typedOrg?.trim().toLowerCase() !== draft.org) {
    throw new ApiError("bad_request", `confirm: type the organization's name (${draft.org}) to act on ${draft.total.toLocaleString("en")} ${draft.kind} at once.`);
  }
  await guard(() =>
    database.transaction(async (tx) => {
      const updated = await tx
        .update(bulkJobs)
        .set({ status: "queued", actedAs: confirmation.actedAs, reason: confirmation.reason ?? null, confirmedAt: new Date() })
        .where(and(eq(bulkJobs.id, draft.id), eq(bulkJobs.status, "draft")))
        .returning({ id: bulkJobs.id });
      if (updated.length !== 1) throw new ApiError("not_found", "draft: it was confirmed already.");
      await recordBatch(tx, { batchId: draft.id, org: confirmation.org, action: draft.action, actor: confirmation.actor, actedAs: confirmation.actedAs, reason: confirmation.reason });
    }),
  );
}

/** Nothing is queued, and nothing sent, unless the job and its record in the audit trail are stored. */
async function guard<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isApiError(error)) throw error;
    console.error(`[jobs] could not store a job: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
    throw new ApiError(
      "audit_unavailable",
      "Grantdesk could not record this action in its audit trail, so nothing was sent to GitHub. Try again in a moment; if it keeps failing, check Grantdesk's database.",
    );
  }
}
