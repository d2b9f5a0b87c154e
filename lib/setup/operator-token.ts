import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// The operator token: printed once at start-up, it opens /setup when the app's credentials
// already exist (to replace the app). Random per process start, never stored: whoever can read
// the server's log at start-up may reconfigure it, no one else. On globalThis so every bundle of
// the process (instrumentation, routes, pages) sees the same one.

const store = globalThis as typeof globalThis & { grantdeskOperatorToken?: string };

export function operatorToken(): string {
  return (store.grantdeskOperatorToken ??= randomBytes(24).toString("base64url"));
}

/** Compared as hashes, in constant time, so neither its length nor its prefix leaks. */
export function isOperatorToken(candidate: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(candidate.trim()), digest(operatorToken()));
}
