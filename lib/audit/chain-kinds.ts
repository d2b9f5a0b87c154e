/** What one link of the audit chain appended: an action's intent, or outcomes of its ids. */
export const AUDIT_CHAIN_KINDS = ["intent", "outcomes"] as const;
export type AuditChainKind = (typeof AUDIT_CHAIN_KINDS)[number];
