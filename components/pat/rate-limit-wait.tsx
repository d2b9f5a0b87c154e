"use client";

import { useQuery } from "@tanstack/react-query";
import { HourglassIcon } from "lucide-react";
import { rateLimitStatusQuery } from "@/lib/browser-api/rate-limit-query";

/**
 * Mounted while an action is in flight: asks the server whether its GitHub client is waiting out
 * a rate limit, and if so says so with the time left, so a held action reads as waiting rather
 * than frozen. The live region is there from the start, so the change is announced.
 */
export function RateLimitWait({ org }: { org: string }) {
  const { data } = useQuery(rateLimitStatusQuery(org));
  const seconds = data?.retryInSeconds ?? null;
  return (
    <div role="status" aria-live="polite">
      {seconds === null ? null : (
        <p className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <HourglassIcon className="mt-0.5 size-4 shrink-0 animate-pulse" aria-hidden />
          <span>
            <strong className="font-semibold">Waiting for GitHub&apos;s rate limit.</strong> GitHub asked Grantdesk to slow down; the action carries on by
            itself in about {seconds} s.
          </span>
        </p>
      )}
    </div>
  );
}
