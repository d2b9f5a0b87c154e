"use client";

import { FilterIcon, HighlighterIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useNow } from "@/components/ui/now";
import type { PatTokenRow } from "@/lib/contract/pat-rows";
import { cn } from "@/lib/cn";
import { formatDate } from "@/lib/format/format-date";
import { classifyTokenHygiene, UNUSED_DAYS, unusedCutoff, type RowOnlySignalKind } from "@/lib/format/token-hygiene";
import type { PatViewContext } from "@/components/pat/pat-view-spec";
import { SIGNAL_ICONS, useMarkedSignal } from "./token-signals";

/** The per-row views, in the order an owner would clean up: dead, dying, never-ending, unused, powerful, wide. */
const ROW_VIEWS: { kind: RowOnlySignalKind; label: string; noun: string }[] = [
  { kind: "expired", label: "Expired", noun: "that have expired" },
  { kind: "expiring-soon", label: "Expiring within 7 days", noun: "expiring within 7 days" },
  { kind: "no-expiry", label: "No expiry", noun: "without an expiry" },
  { kind: "never-used", label: "Never used", noun: "never used" },
  { kind: "elevated", label: "Write or admin", noun: "with write or admin access" },
  { kind: "all-repositories", label: "All repositories", noun: "reaching all repositories" },
];

function ViewButton({ pressed, onClick, icon, children }: { pressed: boolean; onClick: () => void; icon: ReactNode; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        "inline-flex h-7 shrink-0 items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium whitespace-nowrap transition-colors [&_svg]:size-3.5",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
        pressed ? "border-indigo-600 bg-indigo-600 text-white hover:bg-indigo-500" : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50",
      )}
    >
      {icon}
      {children}
    </button>
  );
}

function ViewNotice({ icon, children, action }: { icon: ReactNode; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-950 sm:flex-row sm:items-center sm:justify-between">
      <p className="flex items-start gap-2">
        <span className="mt-0.5 shrink-0 text-indigo-700 [&_svg]:size-4" aria-hidden>
          {icon}
        </span>
        <span>{children}</span>
      </p>
      {action}
    </div>
  );
}

/**
 * One-click views of what owners look for. "Unused for 90 days" is a GitHub filter
 * (`last_used_before` 90 days ago), so the list holds only such tokens. GitHub cannot filter by
 * the other signals, so those views keep GitHub's list and mark the rows that have the signal
 * (`?signal=`), saying so, with a way to select them on this page.
 */
export function TokenViews({ params, setParams, rows, selectedIds, select }: PatViewContext<PatTokenRow>) {
  const [marked, setMarked] = useMarkedSignal();
  const { lastUsedBefore, lastUsedAfter } = params;
  // A GitHub filter like any other: back to page 1, and the open token may leave the list.
  const onUnusedView = (cutoff: Date | null) => setParams({ lastUsedBefore: cutoff, lastUsedAfter: null, page: 1, open: null });
  const now = useNow();
  const cutoff = unusedCutoff(now);
  const unusedActive = lastUsedBefore?.getTime() === cutoff.getTime() && lastUsedAfter === null;
  const markedView = ROW_VIEWS.find((view) => view.kind === marked);
  const matching = markedView ? rows.filter((row) => classifyTokenHygiene(row, now).some((signal) => signal.kind === markedView.kind)) : [];
  const allMatchingSelected = matching.length > 0 && matching.every((row) => selectedIds.has(String(row.id)));

  return (
    <section aria-label="Views" className="flex flex-col gap-2">
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
        <div role="group" aria-label="Filtered by GitHub" className="flex items-center gap-2">
          <span className="shrink-0 text-xs font-medium text-zinc-500" aria-hidden>
            Filtered by GitHub:
          </span>
          <ViewButton pressed={unusedActive} onClick={() => onUnusedView(unusedActive ? null : cutoff)} icon={SIGNAL_ICONS.unused}>
            Unused for {UNUSED_DAYS} days
          </ViewButton>
        </div>
        <span className="mx-1 hidden h-5 w-px bg-zinc-200 sm:block" aria-hidden />
        {/* On a phone the per-row views scroll sideways rather than stack into a wall of chips. */}
        <div
          role="group"
          aria-label="Marked per row"
          className="-mx-4 flex items-center gap-2 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:overflow-visible sm:px-0 sm:pb-0"
        >
          <span className="shrink-0 text-xs font-medium text-zinc-500" aria-hidden>
            Marked per row:
          </span>
          {ROW_VIEWS.map((view) => (
            <ViewButton key={view.kind} pressed={marked === view.kind} onClick={() => void setMarked(marked === view.kind ? null : view.kind)} icon={SIGNAL_ICONS[view.kind]}>
              {view.label}
            </ViewButton>
          ))}
        </div>
      </div>
      {unusedActive ? (
        <ViewNotice icon={<FilterIcon />}>
          GitHub lists only tokens last used before {formatDate(cutoff.toISOString())}, {UNUSED_DAYS} days ago. Its filter leaves out tokens that were
          never used: see “Never used”.
        </ViewNotice>
      ) : null}
      {markedView ? (
        <ViewNotice
          icon={<HighlighterIcon />}
          action={
            matching.length > 0 ? (
              <Button size="sm" className="self-start sm:self-auto" disabled={allMatchingSelected} onClick={() => select(matching)}>
                {allMatchingSelected ? "All selected" : `Select ${matching.length === 1 ? "it" : `these ${matching.length}`}`}
              </Button>
            ) : null
          }
        >
          GitHub cannot filter by this, so every token stays listed and those {markedView.noun} are marked.{" "}
          <strong className="font-semibold">
            {matching.length === 0
              ? `None of the ${rows.length} on this page.`
              : `${matching.length} of ${rows.length} on this page.`}
          </strong>
        </ViewNotice>
      ) : null}
    </section>
  );
}
