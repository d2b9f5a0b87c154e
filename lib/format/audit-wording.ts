import type { ActingIdentity, AuditAction, AuditOutcome } from "@/lib/contract/audit-record";

export const ACTION_LABELS: Record<AuditAction, string> = { approve: "Approved", deny: "Denied", revoke: "Revoked" };

export const OUTCOME_LABELS: Record<AuditOutcome, string> = { accepted: "Accepted", failed: "Failed", unknown: "Unknown" };

/** How GitHub saw the actor: their own token (GitHub's audit log names them) or the app's. */
export const ACTING_IDENTITY_LABELS: Record<ActingIdentity, string> = { owner: "with their own GitHub token", app: "through Grantdesk's app" };
