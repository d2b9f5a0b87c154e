// The numbers behind `x-ratelimit-*`: one hourly bucket per credential, as GitHub keeps them.
// They are informational: a bucket that reaches its limit starts a new window instead of
// refusing, so benchmarks never stall for an hour. Exhaustion is simulated with the
// `primary-rate-limit` fault. A 304 answer to a conditional request is not counted (GitHub: "304
// does not count against your primary rate limit"); it only reads the bucket.

import type { Principal } from "./auth";

export interface RateLimitState {
  limit: number;
  remaining: number;
  used: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

const WINDOW_SECONDS = 3_600;

export function bucketOf(principal: Principal, clientAddress: string): { key: string; limit: number } {
  switch (principal.kind) {
    case "installation":
      return { key: `installation:${principal.installationId}`, limit: 5_000 };
    case "user":
      return { key: `user:${principal.userId}`, limit: 5_000 };
    case "app":
      return { key: `app:${principal.appId}`, limit: 5_000 };
    default:
      return { key: `ip:${clientAddress}`, limit: 60 };
  }
}

export class RateLimits {
  private readonly buckets = new Map<string, { used: number; reset: number }>();

  /** Counts one request against `key`'s bucket. */
  take(key: string, limit: number, nowMs = Date.now()): RateLimitState {
    return this.read(key, limit, nowMs, 1);
  }

  /** The bucket's state without counting a request. */
  peek(key: string, limit: number, nowMs = Date.now()): RateLimitState {
    return this.read(key, limit, nowMs, 0);
  }

  private read(key: string, limit: number, nowMs: number, cost: 0 | 1): RateLimitState {
    const now = Math.floor(nowMs / 1000);
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.reset <= now || bucket.used + cost > limit) {
      bucket = { used: 0, reset: now + WINDOW_SECONDS };
      this.buckets.set(key, bucket);
    }
    bucket.used += cost;
    return { limit, remaining: limit - bucket.used, used: bucket.used, reset: bucket.reset };
  }

  clear(): void {
    this.buckets.clear();
  }
}
