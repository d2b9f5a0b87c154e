"use client";

import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import { useNow } from "./now";

/** "3 days ago", with the exact UTC time on hover and in the markup. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className={className}>
      {formatRelative(iso, now)}
    </time>
  );
}
