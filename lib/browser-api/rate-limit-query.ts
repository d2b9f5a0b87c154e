import { queryOptions } from "@tanstack/react-query";
import type { RateLimitStatus } from "@/lib/contract/bulk-result";
import { apiFetch } from "./api-fetch";

/** Asked once a second while a write is in flight: long enough apart to stay cheap, often enough for a countdown. */
const POLL_MS = 1_000;

/**
 * Whether Grantdesk is waiting out a GitHub rate limit. Not cached once nothing watches it
 * (gcTime 0): an old answer must never say "waiting" when the next write starts.
 */
export function rateLimitStatusQuery(org: string) {
  return queryOptions({
    queryKey: ["orgs", org, "rate-limit"] as const,
    queryFn: ({ signal }) => apiFetch<RateLimitStatus>(`/api/orgs/${encodeURIComponent(org)}/rate-limit`, { signal }),
    refetchInterval: POLL_MS,
    gcTime: 0,
    staleTime: 0,
    retry: false,
  });
}
