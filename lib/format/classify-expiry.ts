import { formatDate, formatRelative } from "./format-date";

export type ExpiryKind = "expired" | "no-expiry" | "expiring-soon" | "active";

export interface ExpiryStatus {
  kind: ExpiryKind;
  /** Short text for a table cell: "Expired 3 days ago", "No expiry", "Expires in 5 days", "12 Mar 2026". */
  label: string;
  /** Whether a reviewer should notice it: expired, never expiring, or about to expire. */
  notable: boolean;
}

/** Tokens expiring within this many days are flagged (the tokens page's hygiene signal). */
export const EXPIRING_SOON_DAYS = 7;

/**
 * GitHub sends both `token_expired` and `token_expires_at`; trust the flag when it says expired
 * and the date otherwise, so a token whose expiry passed since the list was fetched still shows.
 */
export function classifyExpiry(token: { tokenExpired: boolean; tokenExpiresAt: string | null }, now: Date): ExpiryStatus {
  const { tokenExpired, tokenExpiresAt } = token;
  if (tokenExpired || (tokenExpiresAt !== null && new Date(tokenExpiresAt).getTime() <= now.getTime())) {
    return {
      kind: "expired",
      label: tokenExpiresAt ? `Expired ${formatRelative(tokenExpiresAt, now)}` : "Expired",
      notable: true,
    };
  }
  if (tokenExpiresAt === null) return { kind: "no-expiry", label: "No expiry", notable: true };
  if (new Date(tokenExpiresAt).getTime() - now.getTime() <= EXPIRING_SOON_DAYS * 24 * 60 * 60 * 1000) {
    return { kind: "expiring-soon", label: `Expires ${formatRelative(tokenExpiresAt, now)}`, notable: true };
  }
  return { kind: "active", label: formatDate(tokenExpiresAt), notable: false };
}
