// The words a confirmation dialog and its toast use, so they say exactly what will happen and
// what happened — no more than GitHub confirmed.

import { MEMBER_NOUN, type Noun } from "./nouns";


/** "requests" → "Requests". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const numbers = new Intl.NumberFormat("en");

/** "1 request", "1,204 tokens". */
export function count(n: number, noun: Noun): string {
  return `${numbers.format(n)} ${n === 1 ? noun.one : noun.other}`;
}

/**
 * "Deny 37 requests from 12 members"; with a single member their login is more useful than a
 * count: "Approve 2 requests from mona".
 */
export function describeBulkAction(verb: string, itemCount: number, noun: Noun, owners: readonly string[]): string {
  const distinct = [...new Set(owners)];
  const from = distinct.length === 1 ? distinct[0] : count(distinct.length, MEMBER_NOUN);
  return `${verb} ${count(itemCount, noun)} from ${from}`;
}

/**
 * "Denied 30 requests.", "Approved 28 requests; 2 failed.", "Revoked 9 tokens; 1 skipped (already
 * done elsewhere).", "2 requests failed." Never claims more than GitHub accepted.
 */
export function describeBulkOutcome(pastVerb: string, result: { accepted: number; skipped: number; failed: number }, noun: Noun): string {
  const { accepted, skipped, failed } = result;
  const skippedText = (n: number) => `${n} skipped (already done elsewhere)`;
  if (accepted === 0 && skipped === 0) return `${count(failed, noun)} failed.`;
  if (accepted === 0 && failed === 0) return `${count(skipped, noun)} skipped (already done elsewhere).`;
  const rest = [failed > 0 ? `${failed} failed` : null, skipped > 0 ? skippedText(skipped) : null].filter(Boolean);
  const done = accepted > 0 ? `${pastVerb} ${count(accepted, noun)}` : `Nothing ${pastVerb.toLowerCase()}`;
  return rest.length === 0 ? `${done}.` : `${done}; ${rest.join(", ")}.`;
}

/** How many owners a confirmation names before it counts the rest. */
const NAMED_OWNERS = 6;

/** The distinct owners, in the order given: "mona", "mona and hubot", "a, b, c, d, e, f and 3 others". */
export function listOwners(owners: readonly string[]): string {
  const distinct = [...new Set(owners)];
  if (distinct.length <= 1) return distinct[0] ?? "";
  if (distinct.length <= NAMED_OWNERS) return `${distinct.slice(0, -1).join(", ")} and ${distinct.at(-1)}`;
  const others = distinct.length - NAMED_OWNERS;
  return `${distinct.slice(0, NAMED_OWNERS).join(", ")} and ${others} ${others === 1 ? "other" : "others"}`;
}
