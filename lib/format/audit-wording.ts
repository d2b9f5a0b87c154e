import type { AuditAction, AuditOutcome } from "@/lib/contract/audit-record";

export const ACTION_LABELS: Record<AuditAction, string> = { approve: "Approved", deny: "Denied", revoke: "Revoked" };

export const OUTCOME_LABELS: Record<AuditOutcome, string> = { accepted: "Accepted", failed: "Failed", unknown: "Unknown" };
