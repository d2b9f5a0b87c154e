/**
 * What one link of the audit chain appended: an action's intent (its own record, and the ids it
 * names when they are recorded with it), the records of a chunk of a job's ids (`targets`,
 * written just before the chunk is sent), or outcomes of its ids.
 */
export const AUDIT_CHAIN_KINDS = ["intent", "targets", "outcomes"] as const;
export type AuditChainKind = (typeof AUDIT_CHAIN_KINDS)[number];
