// How long a failed send waits before its next attempt: exponential (30 s, 2 min, 8 min, 30 min),
// capped, with ±20 % jitter so instances retrying the same broken channel spread out; a
// Retry-After from Slack wins when it asks for longer (up to an hour). After MAX_ATTEMPTS the
// notification is recorded as failed. Refusals that no retry can fix (a 404 for a deleted
// webhook, a mailbox that does not exist) fail at once.

export const MAX_ATTEMPTS = 5;
const BASE_MS = 30_000;
const FACTOR = 4;
const CAP_MS = 30 * 60_000;
const MAX_RETRY_AFTER_MS = 60 * 60_000;

/** The wait after failed attempt `attempt` (1-based). `random` is in [0, 1). */
export function backoffDelay(attempt: number, options: { retryAfterMs?: number; random?: number; baseMs?: number } = {}): number {
  const base = options.baseMs ?? BASE_MS;
  const exponential = Math.min(CAP_MS, base * FACTOR ** Math.max(0, attempt - 1));
  const jitter = 0.8 + 0.4 * (options.random ?? Math.random());
  const delay = Math.round(exponential * jitter);
  const asked = options.retryAfterMs === undefined ? 0 : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, options.retryAfterMs));
  return Math.max(delay, asked);
}

/** A failed send: why (shown to owners, never holding a secret), and whether retrying could help. */
export interface SendFailure {
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
}

/** What follows a failed attempt: another one at `nextAttemptAt`, or a recorded failure. */
export function afterFailure(attempt: number, maxAttempts: number, failure: SendFailure, now: number, options: { random?: number; baseMs?: number } = {}): { status: "queued"; nextAttemptAt: Date } | { status: "failed" } {
  if (!failure.retryable || attempt >= maxAttempts) return { status: "failed" };
  return { status: "queued", nextAttemptAt: new Date(now + backoffDelay(attempt, { ...options, retryAfterMs: failure.retryAfterMs })) };
}
