"use client";

import { ClockAlertIcon, InfinityIcon, XCircleIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { useNow } from "@/components/ui/now";
import { classifyExpiry } from "@/lib/format/classify-expiry";
import { formatDateTime } from "@/lib/format/format-date";

/** The token's expiry; expired, never expiring and expiring within a week stand out. */
export function TokenExpiry({ token }: { token: { tokenExpired: boolean; tokenExpiresAt: string | null } }) {
  const status = classifyExpiry(token, useNow());
  const title = token.tokenExpiresAt ? formatDateTime(token.tokenExpiresAt) : undefined;
  switch (status.kind) {
    case "expired":
      return (
        <Badge tone="danger" title={title}>
          <XCircleIcon aria-hidden />
          {status.label}
        </Badge>
      );
    case "no-expiry":
      return (
        <Badge tone="warning">
          <InfinityIcon aria-hidden />
          {status.label}
        </Badge>
      );
    case "expiring-soon":
      return (
        <Badge tone="warning" title={title}>
          <ClockAlertIcon aria-hidden />
          {status.label}
        </Badge>
      );
    case "active":
      return (
        <span className="text-sm whitespace-nowrap text-zinc-700" title={title}>
          {status.label}
        </span>
      );
  }
}
