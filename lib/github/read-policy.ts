import "server-only";
import type { Octokit } from "@octokit/core";

// How reads (GET) to GitHub are retried, paced and capped. Writes keep @octokit/plugin-throttling
// and plugin-retry; reads do the same three things here, without Bottleneck: its queues hand
// every job through several zero-delay timers, which added about 12 ms to each GitHub read (8 for
// throttling, 4 for retry; measured against fake-github with no latency) — the whole of the
// dashboard's overhead on a list. Same rules as the plugins: a 5xx or a network failure is
// retried after 1 s, then 4 s; a primary or secondary rate limit is waited out when the caller
// says so (`onRateLimit`); at most `maxConcurrent` reads are in flight, as GitHub allows 100.

/** The GitHub statuses a failed read is not retried on (the rest of 4xx say the request is wrong). */
const DO_NOT_RETRY = [304, 400, 401, 403, 404, 409, 410, 422, 429, 451];

export interface ReadPolicy {
  /** Retries of a read that failed with a 5xx or no answer. */
  retries: number;
  /** The first retry waits this long, the second 4 times it, … (plugin-retry's schedule). */
  retryBaseMs: number;
  maxConcurrent: number;
  /** Whether to wait `retryAfterSeconds` and send the read again, for its `retryCount`-th rate limit. */
  onRateLimit(kind: "primary" | "secondary", retryAfterSeconds: number, options: { method: string; url: string }, retryCount: number): boolean;
}

interface ErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

export function installReadPolicy(octokit: Octokit, policy: ReadPolicy): void {
  const gate = createGate(policy.maxConcurrent);
  octokit.hook.wrap("request", async (request, options) => {
    let failures = 0;
    let limits = 0;
    for (;;) {
      try {
        return await gate(async () => request(options));
      } catch (error) {
        const limit = rateLimitOf(error as ErrorLike);
        if (limit) {
          if (!policy.onRateLimit(limit.kind, limit.retryAfterSeconds, { method: options.method, url: options.url }, limits++)) throw error;
          await sleep(limit.retryAfterSeconds * 1000);
          continue;
        }
        const status = (error as ErrorLike).status;
        if (typeof status === "number" && status >= 400 && !DO_NOT_RETRY.includes(status) && failures < policy.retries) {
          failures += 1;
          await sleep(failures ** 2 * policy.retryBaseMs);
          continue;
        }
        throw error;
      }
    }
  });
}

/** Reads the rate limit out of a refusal the way plugin-throttling does; null when it is none. */
export function rateLimitOf(error: ErrorLike): { kind: "primary" | "secondary"; retryAfterSeconds: number } | null {
  if (error.status !== 403 && error.status !== 429) return null;
  const headers = error.response?.headers ?? {};
  if (/\bsecondary rate\b/i.test(error.message ?? "")) {
    return { kind: "secondary", retryAfterSeconds: Number(headers["retry-after"]) || 60 };
  }
  const errors = (error.response?.data as { errors?: { type?: string }[] } | undefined)?.errors;
  if (headers["x-ratelimit-remaining"] === "0" || errors?.some((entry) => entry.type === "RATE_LIMITED")) {
    const resetMs = Number(headers["x-ratelimit-reset"] ?? 0) * 1000;
    return { kind: "primary", retryAfterSeconds: Math.max(Math.ceil((resetMs - Date.now()) / 1000) + 1, 0) };
  }
  return null;
}

/** Runs at most `max` tasks at once; the rest wait in order. */
function createGate(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function gate<T>(task: () => Promise<T>): Promise<T> {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
