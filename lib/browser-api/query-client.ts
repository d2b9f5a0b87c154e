// TanStack Query's recommended Next.js set-up: a new client for every server render (so users
// never share a cache), one long-lived client in the browser.

import { isServer, QueryClient } from "@tanstack/react-query";
import { isRetryableError } from "./api-fetch";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Above zero so data fetched for the first render is not refetched at once on hydration.
        staleTime: 30_000,
        // A refusal (403: the app lacks a permission, 404, 422) will not change on retry; show it.
        retry: (failureCount, error) => isRetryableError(error) && failureCount < 2,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  // Kept across renders: React may drop state during the initial suspense, and a new client
  // there would lose the cache.
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
