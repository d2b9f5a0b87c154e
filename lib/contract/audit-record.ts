// One id of one action in Grantdesk's audit trail (`GET /api/orgs/{org}/audit`, and each export row).

export const AUDIT_ACTIONS = ["approve", "deny", "revoke"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
/**
 * `accepted`: GitHub said so. `inferred`: GitHub's answer was unclear, and a re-read no longer
 * lists the id, so it was very likely applied. `skipped`: not sent — GitHub no longer listed it as
 * pending or active just before (reviewed or revoked meanwhile), or the job was cancelled first.
 * `failed`: GitHub refused it, or it was not sent after an error stopped the job. `unknown`:
 * GitHub's answer was unclear even after a re-read, or no outcome was ever recorded.
 */
export const AUDIT_OUTCOMES = ["accepted", "inferred", "skipped", "failed", "unknown"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Whose credential GitHub saw: the app's installation token, or the acting owner's own user token (ACT_AS=owner). */
export const ACTING_IDENTITIES = ["app", "owner"] as const;
export type ActingIdentity = (typeof ACTING_IDENTITIES)[number];

export interface AuditRecord {
  /** Shared by every id the one user action sent. */
  batchId: string;
  /** When the action was recorded, just before it was sent to GitHub. */
  at: string;
  org: string;
  /** The signed-in owner who acted (not the app's bot). */
  actor: { login: string; id: number };
  action: AuditAction;
  /** `owner`: sent with the actor's own GitHub token, so GitHub's audit log names them; `app`: with the app's. */
  actedAs: ActingIdentity;
  /** The request id (approve, deny) or the token grant id (revoke). */
  targetId: number;
  /** The token as GitHub described it just before sending; null when GitHub could not confirm it. */
  token: { id: number; name: string; ownerLogin: string } | null;
  /** The review's reason or the revoke's note. */
  reason: string | null;
  outcome: AuditOutcome;
  /** GitHub's HTTP status, when it refused or answered unclearly. */
  status: number | null;
  code: string | null;
  message: string | null;
  /** When the outcome was recorded; null if it never was (still sending, or Grantdesk stopped mid-action). */
  outcomeAt: string | null;
}

/** Where an org's audit chain first stops matching its records, in words a person can act on. */
export interface AuditChainBreak {
  /** The link's place in the org's chain; null for records no link covers. */
  position: number | null;
  batchId: string;
  /** What the link appended: an action's intent (its own record, and its ids when recorded with it), a chunk's ids, or outcomes. */
  kind: "intent" | "targets" | "outcomes";
  /** The request or grant id whose record is wrong, when it is one id's record. */
  targetId: number | null;
  problem: string;
}

/** `GET /api/orgs/{org}/audit/verify` (and `npm run audit:verify`): the org's hash chain, checked. */
export interface AuditChainVerification {
  /** The org's name in lower case. */
  org: string;
  ok: boolean;
  /** Links that checked out (all of them when ok). */
  links: number;
  /** The last good link's hash: keep it elsewhere to tell later that nothing before it was rewritten. */
  head: string | null;
  /** Actions recorded before the chain existed (an upgrade): not covered by it, so not checked. */
  beforeChain: number;
  firstBreak: AuditChainBreak | null;
}
