"use client";

import { RelativeTime } from "@/components/ui/relative-time";

/** When the token last authenticated, or that it never has. */
export function LastUsed({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-sm whitespace-nowrap text-zinc-600">Never used</span>;
  return <RelativeTime iso={iso} className="text-sm whitespace-nowrap text-zinc-700" />;
}
