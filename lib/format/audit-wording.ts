import type { ActingIdentity, AuditAction, AuditOutcome } from "@/lib/contract/audit-record";

export const ACTION_LABELS: Record<AuditAction, string> = { approve: "Approved", deny: "Denied", revoke: "Revoked" };

export const OUTCOME_LABELS: Record<AuditOutcome, string> = { accepted: "Accepted", inferred: "Inferred", skipped: "Skipped", failed: "Failed", unknown: "Unknown" };

/** What an inferred outcome means, where the trail shows one. */
export const INFERRED_DETAIL =
  "GitHub's answer was unclear (an error or a timeout), and when Grantdesk read the list again the id was gone: it was very likely applied, but GitHub never confirmed it.";

/** How GitHub saw the actor: their own token (GitHub's audit log names them) or the app's. */
export const ACTING_IDENTITY_LABELS: Record<ActingIdentity, string> = { owner: "with their own GitHub token", app: "through Grantdesk's app" };
