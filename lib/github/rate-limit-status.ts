import "server-only";
import type { RateLimitStatus } from "@/lib/contract/bulk-result";
import type { GitHubClient } from "./create-github-client";
import { github } from "./shared-client";

/**
 * Whether a call to GitHub for the org is waiting out a rate limit, and for how long: a write held
 * by a secondary rate limit is paused here, not stuck. Counted on the server, so the browser's
 * clock does not matter. An org's writes share one queue, so a revoke behind a held call waits as long.
 */
export function rateLimitStatus(org: string, client: Pick<GitHubClient, "rateLimitedUntil"> = github(), now = Date.now()): RateLimitStatus {
  const until = client.rateLimitedUntil(org);
  return { retryInSeconds: until ? Math.max(1, Math.ceil((until.getTime() - now) / 1000)) : null };
}
