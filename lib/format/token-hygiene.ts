// The hygiene signals of an active token: what makes an org owner ask "should this still exist?".
// Computed from the list row alone (GitHub has no per-token endpoint), against a given clock so
// the server's HTML and the browser's first render agree, and so tests can fix the time.

import type { PatTokenRow } from "@/lib/contract/pat-rows";
import { classifyExpiry } from "./classify-expiry";
import { formatDate, formatDateTime, formatRelative } from "./format-date";
import { summarizePermissions } from "./summarize-permissions";

export const HYGIENE_SIGNAL_KINDS = ["expired", "expiring-soon", "no-expiry", "never-used", "unused", "elevated", "all-repositories"] as const;
export type HygieneSignalKind = (typeof HYGIENE_SIGNAL_KINDS)[number];

export interface HygieneSignal {
  kind: HygieneSignalKind;
  /** A few words for a badge: "Expired", "Unused 127 days". */
  label: string;
  /** Why it matters, from this token's own data: shown on hover/focus and in the detail panel. */
  explanation: string;
  /** Danger: act now (expired, admin access). Warning: worth a look. */
  tone: "danger" | "warning";
}

export type HygieneInput = Pick<
  PatTokenRow,
  "tokenExpired" | "tokenExpiresAt" | "tokenLastUsedAt" | "accessGrantedAt" | "permissions" | "repositorySelection"
>;

/** A token not used for this many days is flagged, and is what the "Unused for 90 days" filter means. */
export const UNUSED_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
/** How many elevated permissions an explanation names before it says "and N more". */
const NAMED_PERMISSIONS = 3;

/** Every signal the token carries, in a fixed order (expiry, use, access). */
export function classifyTokenHygiene(token: HygieneInput, now: Date): HygieneSignal[] {
  return [expirySignal(token, now), usageSignal(token, now), elevatedSignal(token), repositorySignal(token)].filter(
    (signal): signal is HygieneSignal => signal !== null,
  );
}

function expirySignal(token: HygieneInput, now: Date): HygieneSignal | null {
  const expiry = classifyExpiry(token, now);
  const at = token.tokenExpiresAt;
  switch (expiry.kind) {
    case "expired":
      return {
        kind: "expired",
        label: "Expired",
        explanation: `${at ? `Expired ${formatRelative(at, now)} (${formatDateTime(at)})` : "GitHub reports it expired"}. It no longer authenticates, but its grant stays listed until it is revoked.`,
        tone: "danger",
      };
    case "expiring-soon":
      return {
        kind: "expiring-soon",
        label: "Expires soon",
        explanation: `Expires ${formatRelative(at!, now)} (${formatDateTime(at!)}). If it is still needed, its owner has to renew it.`,
        tone: "warning",
      };
    case "no-expiry":
      return {
        kind: "no-expiry",
        label: "No expiry",
        explanation: "Never expires: it keeps its access until it is revoked or its owner deletes it.",
        tone: "warning",
      };
    case "active":
      return null;
  }
}

function usageSignal(token: HygieneInput, now: Date): HygieneSignal | null {
  const lastUsed = token.tokenLastUsedAt;
  if (lastUsed === null) {
    return {
      kind: "never-used",
      label: "Never used",
      explanation: `Never used since access was granted ${formatRelative(token.accessGrantedAt, now)} (${formatDate(token.accessGrantedAt)}).`,
      tone: "warning",
    };
  }
  const idleDays = Math.floor((now.getTime() - new Date(lastUsed).getTime()) / DAY_MS);
  if (idleDays < UNUSED_DAYS) return null;
  return {
    kind: "unused",
    label: `Unused ${idleDays} days`,
    explanation: `Not used for ${idleDays} days: last used ${formatDate(lastUsed)}. A token idle for ${UNUSED_DAYS} days or more is likely forgotten.`,
    tone: "warning",
  };
}

function elevatedSignal(token: HygieneInput): HygieneSignal | null {
  const summary = summarizePermissions(token.permissions);
  if (summary.elevated.length === 0) return null;
  const named = summary.elevated.slice(0, NAMED_PERMISSIONS).map((entry) => `${entry.label} (${entry.level})`);
  const more = summary.elevated.length - named.length;
  const admin = summary.highest === "admin";
  return {
    kind: "elevated",
    label: admin ? "Admin access" : "Write access",
    explanation: `Can change things, not just read them: ${named.join(", ")}${more > 0 ? ` and ${more} more` : ""}.`,
    tone: admin ? "danger" : "warning",
  };
}

function repositorySignal(token: HygieneInput): HygieneSignal | null {
  if (token.repositorySelection !== "all") return null;
  return {
    kind: "all-repositories",
    label: "All repositories",
    explanation: "Reaches every repository of the organization, including ones created later.",
    tone: "warning",
  };
}
