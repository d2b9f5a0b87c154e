import "server-only";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { AuditChainBreak as ChainBreak, AuditChainVerification as ChainVerification } from "@/lib/contract/audit-record";
import type { Database } from "@/lib/db/open-database";
import { auditBatches, auditChain, auditOutcomes, auditTargets } from "@/lib/db/schema";
import { batchDigest, chainOrg, GENESIS_HASH, linkHash, outcomeDigest, targetDigest } from "./audit-chain";

/** Links read per query: bounded memory, whatever the trail's length. */
const LINKS_PER_PAGE = 500;

/**
 * Checks an org's chain from its first link to its last: each link follows the one before it,
 * its hash matches its content, and its row digests match the rows as they are now; then that
 * no batch or outcome of the org is missing from the chain. Stops at the first problem and names
 * the record: the batch, and the id when it is one id's row.
 */
export async function verifyAuditChain(db: Database, org: string): Promise<ChainVerification> {
  const key = chainOrg(org);
  let expectedPosition = 1;
  let previousHash = GENESIS_HASH;
  let head: string | null = null;
  const beforeSeq = await chainStart(db);
  const beforeChain = await db.$count(auditBatches, and(sql`lower(${auditBatches.org}) = ${key}`, sql`${auditBatches.seq} <= ${beforeSeq}`));
  const fail = (firstBreak: ChainBreak): ChainVerification => ({ org: key, ok: false, links: expectedPosition - 1, head, beforeChain, firstBreak });

  for (;;) {
    const links = await db
      .select()
      .from(auditChain)
      .where(and(eq(auditChain.org, key), gt(auditChain.position, expectedPosition - 1)))
      .orderBy(asc(auditChain.position))
      .limit(LINKS_PER_PAGE);
    if (links.length === 0) break;
    const current = await currentDigests(db, links);

    for (const link of links) {
      const at = { position: link.position, batchId: link.batchId, kind: link.kind };
      if (link.position !== expectedPosition) {
        return fail({ ...at, targetId: null, problem: `link ${expectedPosition} is missing: the chain jumps from ${expectedPosition - 1} to ${link.position}` });
      }
      if (link.prevHash !== previousHash) {
        return fail({ ...at, targetId: null, problem: `link ${link.position} does not follow link ${link.position - 1}: an earlier link was changed or removed` });
      }
      if (linkHash({ ...link, targetIds: link.targetIds ?? null }) !== link.hash) {
        return fail({ ...at, targetId: null, problem: `link ${link.position} was altered: its hash no longer matches what it records` });
      }
      const rows = current.get(`${link.kind}:${link.batchId}:${link.position}`)!;
      const mismatch = firstMismatch(link.rowDigests, rows);
      if (mismatch) return fail({ ...at, ...mismatch });
      previousHash = link.hash;
      head = link.hash;
      expectedPosition += 1;
    }
    if (links.length < LINKS_PER_PAGE) break;
  }

  const unchained = await firstUnchainedRow(db, key, beforeSeq);
  if (unchained) return fail(unchained);
  return { org: key, ok: true, links: expectedPosition - 1, head, beforeChain, firstBreak: null };
}

interface RowDigest {
  digest: string;
  /** null: the batch row itself. */
  targetId: number | null;
  what: "batch" | "target" | "outcome";
}

function firstMismatch(recorded: string[], current: (RowDigest | undefined)[]): Omit<ChainBreak, "position" | "batchId" | "kind"> | null {
  for (let index = 0; index < Math.max(recorded.length, current.length); index++) {
    const row = current[index];
    if (!row) return { targetId: null, problem: `a row this link recorded is gone (row ${index + 1} of ${recorded.length})` };
    if (recorded[index] === undefined) return { targetId: row.targetId, problem: `${describeRow(row)} was added after the fact` };
    if (recorded[index] !== row.digest) return { targetId: row.targetId, problem: `${describeRow(row)} was changed after it was recorded` };
  }
  return null;
}

function describeRow(row: RowDigest): string {
  if (row.what === "batch") return "the action's own record (who, what, why, when)";
  return row.what === "target" ? `id ${row.targetId}'s record` : `id ${row.targetId}'s outcome`;
}

type Link = typeof auditChain.$inferSelect;

/** The digests of the rows each link covers, as the rows are now, read in three queries per page. */
async function currentDigests(db: Database, links: Link[]): Promise<Map<string, (RowDigest | undefined)[]>> {
  const batchIds = [...new Set(links.map((link) => link.batchId))];
  const [batches, targets, outcomes] = await Promise.all([
    db.select().from(auditBatches).where(inArray(auditBatches.id, batchIds)),
    db.select().from(auditTargets).where(inArray(auditTargets.batchId, batchIds)).orderBy(asc(auditTargets.position)),
    db.select().from(auditOutcomes).where(inArray(auditOutcomes.batchId, batchIds)),
  ]);
  const batchById = new Map(batches.map((row) => [row.id, row]));
  const outcomeByKey = new Map(outcomes.map((row) => [`${row.batchId}:${row.targetId}`, row]));

  const result = new Map<string, (RowDigest | undefined)[]>();
  for (const link of links) {
    let rows: (RowDigest | undefined)[];
    const targetRow = (row: (typeof targets)[number]) => ({ digest: targetDigest(row), targetId: row.targetId, what: "target" as const });
    if (link.kind === "intent") {
      const batch = batchById.get(link.batchId);
      // Null target ids: the intent recorded every id of its batch with it. A list (empty for a
      // job, whose ids are recorded chunk by chunk): just those.
      const named = link.targetIds === null ? null : new Set(link.targetIds);
      rows = [
        batch && { digest: batchDigest(batch), targetId: null, what: "batch" as const },
        ...targets.filter((row) => row.batchId === link.batchId && (named === null || named.has(row.targetId))).map(targetRow),
      ];
    } else if (link.kind === "targets") {
      const byTarget = new Map(targets.filter((row) => row.batchId === link.batchId).map((row) => [row.targetId, row]));
      rows = (link.targetIds ?? []).map((targetId) => {
        const row = byTarget.get(targetId);
        return row && targetRow(row);
      });
    } else {
      rows = (link.targetIds ?? []).map((targetId) => {
        const outcome = outcomeByKey.get(`${link.batchId}:${targetId}`);
        return outcome && { digest: outcomeDigest(outcome), targetId, what: "outcome" as const };
      });
    }
    result.set(`${link.kind}:${link.batchId}:${link.position}`, rows);
  }
  return result;
}

/** A batch or an outcome of the org that no link covers: written around Grantdesk. */
async function firstUnchainedRow(db: Database, org: string, beforeSeq: number): Promise<ChainBreak | null> {
  const [batch] = await db
    .select({ id: auditBatches.id })
    .from(auditBatches)
    .where(
      and(
        sql`lower(${auditBatches.org}) = ${org}`,
        sql`${auditBatches.seq} > ${beforeSeq}`,
        sql`not exists (select 1 from ${auditChain} where ${auditChain.batchId} = ${auditBatches.id} and ${auditChain.kind} = 'intent')`,
      ),
    )
    .orderBy(asc(auditBatches.seq))
    .limit(1);
  if (batch) return { position: null, batchId: batch.id, kind: "intent", targetId: null, problem: "this action is in the trail but not in the chain: it was written around Grantdesk" };

  const [outcome] = await db
    .select({ batchId: auditOutcomes.batchId, targetId: auditOutcomes.targetId })
    .from(auditOutcomes)
    .innerJoin(auditBatches, eq(auditBatches.id, auditOutcomes.batchId))
    .where(
      and(
        sql`lower(${auditBatches.org}) = ${org}`,
        sql`${auditBatches.seq} > ${beforeSeq}`,
        sql`not exists (select 1 from ${auditChain} where ${auditChain.batchId} = ${auditOutcomes.batchId} and ${auditChain.kind} = 'outcomes' and ${auditOutcomes.targetId} = any(${auditChain.targetIds}))`,
      ),
    )
    .orderBy(asc(auditBatches.seq), asc(auditOutcomes.targetId))
    .limit(1);
  if (outcome) {
    return { position: null, batchId: outcome.batchId, kind: "outcomes", targetId: outcome.targetId, problem: `id ${outcome.targetId}'s outcome is in the trail but not in the chain: it was written around Grantdesk` };
  }
  return null;
}

/** The last seq recorded before the chain existed (migration 0003); 0 on a database that always had it. */
async function chainStart(db: Database): Promise<number> {
  const result = (await db.execute(sql`select coalesce(max(before_seq), 0)::bigint as seq from audit_chain_start`)) as unknown as { rows: { seq: string | number }[] };
  return Number(result.rows[0]?.seq ?? 0);
}

/** Every org with a trail, for checking them all. */
export async function chainedOrgs(db: Database): Promise<string[]> {
  const rows = await db.selectDistinct({ org: sql<string>`lower(${auditBatches.org})` }).from(auditBatches).orderBy(sql`1`);
  return rows.map((row) => row.org);
}
