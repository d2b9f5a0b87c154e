import { describeBulkOutcome } from "@/lib/format/bulk-wording";

export const TOKEN_NOUN = { one: "token", other: "tokens" };
/** The revoke route's limit on a note (the same as a review's reason). */
export const REVOKE_NOTE_MAX = 1024;
/** How many owners the revoke dialog names before it counts the rest. */
const NAMED_OWNERS = 6;

export function describeRevokeOutcome(accepted: number, failed: number): string {
  return describeBulkOutcome("Revoked", accepted, failed, TOKEN_NOUN);
}

/** The distinct owners, in the order given: "mona", "mona and hubot", "a, b, c, d, e, f and 3 others". */
export function listOwners(owners: readonly string[]): string {
  const distinct = [...new Set(owners)];
  if (distinct.length <= 1) return distinct[0] ?? "";
  if (distinct.length <= NAMED_OWNERS) return `${distinct.slice(0, -1).join(", ")} and ${distinct.at(-1)}`;
  const others = distinct.length - NAMED_OWNERS;
  return `${distinct.slice(0, NAMED_OWNERS).join(", ")} and ${others} ${others === 1 ? "other" : "others"}`;
}
