// Validation of the review/revoke request bodies, reported as GitHub's 422 `errors` entries.
// Limits come from the OpenAPI description: 1–100 ids per bulk call, `reason` ≤ 1024 characters
// (counted in Unicode code points, as GitHub's Ruby does), `action` from the endpoint's enum.

import type { FieldError } from "./github-errors";
import type { JsonObject } from "./request-body";

export const MAX_BULK_IDS = 100;
export const MAX_REASON_LENGTH = 1024;

type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function checkAction<A extends string>(body: JsonObject, resource: string, allowed: readonly A[], errors: FieldError[]): A | null {
  const action = body.action;
  if (action === undefined || action === null) {
    errors.push({ resource, field: "action", code: "missing_field" });
    return null;
  }
  if (typeof action !== "string" || !(allowed as readonly string[]).includes(action)) {
    errors.push({ resource, field: "action", code: "invalid", message: `action must be one of: ${allowed.join(", ")}`, value: String(action) });
    return null;
  }
  return action as A;
}

function checkReason(body: JsonObject, resource: string, errors: FieldError[]): string | null {
  const reason = body.reason;
  if (reason === undefined || reason === null) return null;
  if (typeof reason !== "string") {
    errors.push({ resource, field: "reason", code: "invalid", message: "reason must be a string" });
    return null;
  }
  if ([...reason].length > MAX_REASON_LENGTH) {
    errors.push({ resource, field: "reason", code: "invalid", message: `reason is too long (maximum is ${MAX_REASON_LENGTH} characters)` });
    return null;
  }
  return reason;
}

function checkIds(body: JsonObject, field: string, resource: string, errors: FieldError[]): number[] | null {
  const ids = body[field];
  if (ids === undefined || ids === null) {
    errors.push({ resource, field, code: "missing_field" });
    return null;
  }
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > MAX_BULK_IDS) {
    errors.push({ resource, field, code: "invalid", message: `${field} must be an array of between 1 and ${MAX_BULK_IDS} ids` });
    return null;
  }
  const bad = ids.findIndex((id) => typeof id !== "number" || !Number.isSafeInteger(id));
  if (bad >= 0) {
    errors.push({ resource, field, code: "invalid", message: `${field} must contain integers`, index: bad, value: String(ids[bad]) });
    return null;
  }
  // Repeats are harmless: applying a review or revoke twice is a no-op the second time.
  return ids as number[];
}

export interface ReviewBody {
  action: "approve" | "deny";
  reason: string | null;
}

export function parseReviewBody(body: JsonObject, resource: string): Result<ReviewBody> {
  const errors: FieldError[] = [];
  const action = checkAction(body, resource, ["approve", "deny"] as const, errors);
  const reason = checkReason(body, resource, errors);
  return action && errors.length === 0 ? { ok: true, value: { action, reason } } : { ok: false, errors };
}

export function parseBulkReviewBody(body: JsonObject, resource: string): Result<ReviewBody & { ids: number[] }> {
  const errors: FieldError[] = [];
  const ids = checkIds(body, "pat_request_ids", resource, errors);
  const action = checkAction(body, resource, ["approve", "deny"] as const, errors);
  const reason = checkReason(body, resource, errors);
  return ids && action && errors.length === 0 ? { ok: true, value: { ids, action, reason } } : { ok: false, errors };
}

export function parseRevokeBody(body: JsonObject, resource: string): Result<null> {
  const errors: FieldError[] = [];
  checkAction(body, resource, ["revoke"] as const, errors);
  return errors.length === 0 ? { ok: true, value: null } : { ok: false, errors };
}

export function parseBulkRevokeBody(body: JsonObject, resource: string): Result<{ ids: number[] }> {
  const errors: FieldError[] = [];
  const ids = checkIds(body, "pat_ids", resource, errors);
  checkAction(body, resource, ["revoke"] as const, errors);
  return ids && errors.length === 0 ? { ok: true, value: { ids } } : { ok: false, errors };
}
