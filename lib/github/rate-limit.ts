import "server-only";

// How GitHub says "slow down", read in one place for the call policy (which waits it out) and
// for GitHubError (which tells the person when to try again). GitHub's rules: a `retry-after`
// header says how long; else with `x-ratelimit-remaining: 0` wait until `x-ratelimit-reset`;
// else (a secondary limit without either) wait at least a minute.

export interface RateLimit {
  kind: "primary" | "secondary";
  retryAfterSeconds: number;
}

const FALLBACK_SECONDS = 60;

/** The rate limit behind a refusal, or null when the refusal is something else. */
export function rateLimitOf(status: number, headers: Record<string, string | undefined>, message: string, errorTypes: string[] = []): RateLimit | null {
  if (status !== 403 && status !== 429) return null;
  const secondary = /secondary rate limit/i.test(message);
  const primary = headers["x-ratelimit-remaining"] === "0" || errorTypes.includes("RATE_LIMITED") || /rate limit/i.test(message);
  if (!secondary && !primary && status !== 429) return null;
  return { kind: secondary ? "secondary" : "primary", retryAfterSeconds: retryAfterSeconds(headers) };
}

function retryAfterSeconds(headers: Record<string, string | undefined>): number {
  const retryAfter = Number(headers["retry-after"]);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.ceil(retryAfter);
  if (headers["x-ratelimit-remaining"] === "0") {
    const reset = Number(headers["x-ratelimit-reset"]);
    if (Number.isFinite(reset) && reset > 0) return Math.max(1, Math.ceil(reset - Date.now() / 1000) + 1);
  }
  return FALLBACK_SECONDS;
}
