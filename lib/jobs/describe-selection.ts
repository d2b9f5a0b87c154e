import type { InventoryFilters, SignalFilter } from "@/lib/contract/inventory";
import type { PatResource } from "@/lib/contract/pat-rows";

// What an owner selected, in words, for the confirmation and the job's history:
// "tokens matching Expired, Write or admin, owners mona and hubot".

const SIGNAL_WORDS: Record<SignalFilter, string> = {
  expired: "expired",
  "expiring-7": "expiring within 7 days",
  "expiring-30": "expiring within 30 days",
  "no-expiry": "no expiry",
  "never-used": "never used",
  elevated: "write or admin access",
  "all-repositories": "all repositories",
};

export function describeFilters(kind: PatResource, filters: InventoryFilters): string {
  const parts: string[] = [];
  if (filters.owner?.length) parts.push(`owned by ${filters.owner.join(", ")}`);
  for (const signal of filters.signals ?? []) parts.push(SIGNAL_WORDS[signal]);
  if (filters.unusedDays !== undefined) parts.push(`unused for ${filters.unusedDays} days`);
  if (filters.permission) parts.push(`permission ${filters.permission}`);
  if (filters.repository) parts.push(`reaching ${filters.repository}`);
  if (filters.lastUsedAfter) parts.push(`used after ${filters.lastUsedAfter.toISOString().slice(0, 10)}`);
  if (filters.lastUsedBefore) parts.push(`last used before ${filters.lastUsedBefore.toISOString().slice(0, 10)}`);
  if (filters.search) parts.push(`matching “${filters.search}”`);
  const noun = kind === "requests" ? "pending requests" : "active tokens";
  return parts.length === 0 ? `all ${noun}` : `${noun}: ${parts.join("; ")}`;
}

export function describeIds(kind: PatResource, count: number): string {
  const noun = kind === "requests" ? (count === 1 ? "request" : "requests") : count === 1 ? "token" : "tokens";
  return `${count} selected ${noun}`;
}
