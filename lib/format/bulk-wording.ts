// The words a confirmation dialog and its toast use, so they say exactly what will happen and
// what happened — no more than GitHub confirmed.

export interface Noun {
  one: string;
  other: string;
}

function count(n: number, noun: Noun): string {
  return `${n} ${n === 1 ? noun.one : noun.other}`;
}

/**
 * "Deny 37 requests from 12 members"; with a single member their login is more useful than a
 * count: "Approve 2 requests from mona".
 */
export function describeBulkAction(verb: string, itemCount: number, noun: Noun, owners: readonly string[]): string {
  const distinct = [...new Set(owners)];
  const from = distinct.length === 1 ? distinct[0] : count(distinct.length, { one: "member", other: "members" });
  return `${verb} ${count(itemCount, noun)} from ${from}`;
}

/** "Denied 30 requests.", "Approved 28 requests; 2 failed.", "2 requests failed." */
export function describeBulkOutcome(pastVerb: string, accepted: number, failed: number, noun: Noun): string {
  if (accepted === 0) return `${count(failed, noun)} failed.`;
  if (failed === 0) return `${pastVerb} ${count(accepted, noun)}.`;
  return `${pastVerb} ${count(accepted, noun)}; ${failed} failed.`;
}
