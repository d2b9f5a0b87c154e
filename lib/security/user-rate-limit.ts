import "server-only";
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract, type RateLimiterStoreAbstract } from "rate-limiter-flexible";
import { ApiError } from "@/lib/contract/api-error";
import { db } from "@/lib/db/database";
import type { Database } from "@/lib/db/open-database";
import { rateLimits } from "@/lib/db/rate-limit-schema";
import { env } from "@/lib/env";

// Per-user limits on API calls, counted in PostgreSQL when Grantdesk uses it (rate-limiter-flexible's
// Drizzle store, one atomic upsert per call on the `rate_limits` table), so they hold across every
// instance; with the embedded database, which only one instance can open, counted in memory.
// Reads (GET) and writes (everything else) are counted apart, per GitHub user id, in fixed
// windows of a minute. A user over a limit is remembered in memory until the window ends, so their
// further calls cost no query. Should the database fail, each instance limits in memory alone
// (the library's insurance limiter) rather than letting calls through unbounded or refusing all.

export type CallKind = "reads" | "writes";

export interface UserRateLimits {
  /** GETs per user per minute; 0 for no limit. */
  readsPerMinute: number;
  /** Other calls per user per minute; 0 for no limit. */
  writesPerMinute: number;
}

const WINDOW_SECONDS = 60;

const NOUN: Record<CallKind, string> = { reads: "reads", writes: "changes" };

export interface UserRateLimiter {
  /** Counts one call; throws ApiError `too_many_requests` (429, with `retryAfter`) when it is one too many. */
  consume(userId: number, kind: CallKind): Promise<void>;
}

/**
 * The limits over `database` (every instance using it shares the counts), or in memory when there
 * is none. `pruneExpired` deletes windows that ended over an hour ago, every 5 minutes.
 */
export function createUserRateLimiter(database: Database | null, limits: UserRateLimits, { pruneExpired = true } = {}): UserRateLimiter {
  const limiterFor = (kind: CallKind, points: number): RateLimiterAbstract | RateLimiterStoreAbstract | null => {
    if (points === 0) return null;
    const options = { keyPrefix: kind, points, duration: WINDOW_SECONDS };
    if (!database) return new RateLimiterMemory(options);
    return new RateLimiterDrizzle({
      ...options,
      storeClient: database,
      schema: rateLimits,
      clearExpiredByTimeout: pruneExpired,
      // Once over, the user is refused from memory until the window ends.
      inMemoryBlockOnConsumed: points + 1,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  };
  const limiters: Record<CallKind, { limiter: RateLimiterAbstract | RateLimiterStoreAbstract | null; points: number }> = {
    reads: { limiter: limiterFor("reads", limits.readsPerMinute), points: limits.readsPerMinute },
    writes: { limiter: limiterFor("writes", limits.writesPerMinute), points: limits.writesPerMinute },
  };

  return {
    async consume(userId, kind) {
      const { limiter, points } = limiters[kind];
      if (!limiter) return;
      try {
        await limiter.consume(String(userId));
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        throw new ApiError(
          "too_many_requests",
          `Too many ${NOUN[kind]} in a minute: Grantdesk allows each person ${points.toLocaleString("en")} a minute. Try again in ${retryAfter} s.`,
          { retryAfter },
        );
      }
    },
  };
}

const holder = globalThis as typeof globalThis & { grantdeskRateLimiter?: UserRateLimiter };

/** Counts one API call of the signed-in user against their limit (see createUserRateLimiter). */
export async function limitUserCall(userId: number, method: string): Promise<void> {
  const kind: CallKind = method === "GET" || method === "HEAD" ? "reads" : "writes";
  if (!holder.grantdeskRateLimiter) {
    const config = env();
    // The embedded database has one instance by construction (its folder is locked): counts in
    // memory are the same counts, without a write on every call (an upsert took ~2 ms of the
    // server's one thread under load). PostgreSQL may serve several instances: counted in it.
    if (!config.databaseUrl) {
      holder.grantdeskRateLimiter ??= createUserRateLimiter(null, config.rateLimits);
      return holder.grantdeskRateLimiter.consume(userId, kind);
    }
    let database: Database | null;
    try {
      database = await db();
    } catch {
      // No database yet: count in memory for this call; the next one tries the database again.
      return createFallback().consume(userId, kind);
    }
    holder.grantdeskRateLimiter ??= createUserRateLimiter(database, config.rateLimits);
  }
  return holder.grantdeskRateLimiter.consume(userId, kind);
}

const fallbackHolder = globalThis as typeof globalThis & { grantdeskFallbackRateLimiter?: UserRateLimiter };

function createFallback(): UserRateLimiter {
  fallbackHolder.grantdeskFallbackRateLimiter ??= createUserRateLimiter(null, env().rateLimits);
  return fallbackHolder.grantdeskFallbackRateLimiter;
}
