import "server-only";
import { createHash } from "node:crypto";
import { desc, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/open-database";
import { auditBatches, auditChain, auditOutcomes, auditTargets } from "@/lib/db/schema";
import type { AuditChainKind } from "./chain-kinds";

// The audit trail's tamper evidence. Every append to an org's trail (an action's intent, or a set
// of outcomes) adds one link to that org's chain: a SHA-256 of each row it wrote, and a hash over
// those digests, the link's place and the previous link's hash. Rewriting a row, inserting one or
// removing one therefore shows up when the chain is checked (verify-audit-chain.ts), unless every
// later link is rewritten too; the chain's head hash, which the check reports, is what to keep
// elsewhere to catch even that.

/** The hash a chain starts from. */
export const GENESIS_HASH = "0".repeat(64);
/** Version of the serialization below, hashed into every link. */
const CHAIN_FORMAT = 1;
/** First key of the advisory lock that serializes appends to one org's chain (the second is the org's hash). */
const CHAIN_LOCK_CLASS = 740_635;

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type AuditTransaction = Transaction;
export type AuditExecutor = Database | Transaction;

type BatchRow = typeof auditBatches.$inferSelect;
type TargetRow = typeof auditTargets.$inferSelect;
type OutcomeRow = typeof auditOutcomes.$inferSelect;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
// Arrays in a fixed order, not objects: JSON.stringify of them is exactly reproducible.
const iso = (date: Date) => date.toISOString();

export function batchDigest(row: BatchRow): string {
  const fields = ["batch", row.id, row.seq, iso(row.createdAt), row.org, row.action, row.actorLogin, row.actorId, row.reason];
  // acted_as came later: "app" (what every earlier record was) keeps the earlier digest, so
  // trails written before the column verify as they did; "owner" is covered by the hash.
  return sha256(JSON.stringify(row.actedAs === "app" ? fields : [...fields, row.actedAs]));
}

export function targetDigest(row: TargetRow): string {
  return sha256(JSON.stringify(["target", row.batchId, row.targetId, row.position, row.tokenId, row.tokenName, row.tokenOwnerLogin]));
}

export function outcomeDigest(row: OutcomeRow): string {
  return sha256(JSON.stringify(["outcome", row.batchId, row.targetId, row.outcome, row.status, row.code, row.message, iso(row.recordedAt)]));
}

export interface ChainLink {
  org: string;
  position: number;
  batchId: string;
  kind: AuditChainKind;
  targetIds: number[] | null;
  rowDigests: string[];
  prevHash: string;
}

export function linkHash(link: ChainLink): string {
  return sha256(JSON.stringify([CHAIN_FORMAT, link.org, link.position, link.kind, link.batchId, link.targetIds, link.rowDigests, link.prevHash]));
}

/** The chain's key for an org: GitHub names are case-insensitive, and so is the trail. */
export const chainOrg = (org: string) => org.toLowerCase();

/**
 * Adds a link for rows just written in the same transaction `tx`. Appends to one org are
 * serialized by a transaction-scoped advisory lock, so instances writing at once still form one
 * unbroken chain (and the (org, position) primary key refuses a fork should anything slip by).
 */
export async function appendChainLink(
  tx: Transaction,
  append: { org: string; batchId: string; kind: AuditChainKind; targetIds: number[] | null; rowDigests: string[] },
): Promise<void> {
  const org = chainOrg(append.org);
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_CLASS}, hashtext(${org}))`);
  const [last] = await tx
    .select({ position: auditChain.position, hash: auditChain.hash })
    .from(auditChain)
    .where(sql`${auditChain.org} = ${org}`)
    .orderBy(desc(auditChain.position))
    .limit(1);
  const link: ChainLink = { ...append, org, position: (last?.position ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH };
  await tx.insert(auditChain).values({ ...link, hash: linkHash(link) });
}
