"use client";

import { useMemo } from "react";
import { Tooltip } from "@/components/ui/tooltip";
import type { PermissionSet } from "@/lib/contract/pat-rows";
import { summarizePermissions } from "@/lib/format/summarize-permissions";
import { PermissionGroups } from "./permission-groups";
import { PermissionLevelBadge } from "./permission-level-badge";

/** How many elevated permissions the cell names before it says "+N". */
const SHOWN = 2;

/**
 * A compact permission summary for a table cell: the write/admin permissions first, by name,
 * then a count of the rest. Every permission shows on hover or keyboard focus.
 */
export function PermissionSummaryCell({ permissions }: { permissions: PermissionSet }) {
  const summary = useMemo(() => summarizePermissions(permissions), [permissions]);
  const named = summary.elevated.slice(0, SHOWN);
  const rest = summary.entries.length - named.length;

  return (
    <Tooltip content={<PermissionGroups summary={summary} dense />} look="card" className="w-64 px-2.5 py-1.5" side="bottom">
      <button
        type="button"
        className="-mx-1 -my-0.5 flex w-40 flex-col items-start gap-1 rounded px-1 py-0.5 text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {named.map((entry) => (
          <span key={`${entry.scope}:${entry.name}`} className="flex w-full min-w-0 items-center gap-1.5 text-xs">
            <PermissionLevelBadge level={entry.level} />
            <span className="truncate font-medium text-zinc-800">{entry.label}</span>
          </span>
        ))}
        {named.length === 0 ? (
          <span className="text-xs text-zinc-600">{summary.entries.length === 0 ? "No permissions" : `${summary.entries.length} read-only`}</span>
        ) : rest > 0 ? (
          <span className="text-xs text-zinc-600">+{rest} more</span>
        ) : null}
        <span className="sr-only">. Show all permissions</span>
      </button>
    </Tooltip>
  );
}
