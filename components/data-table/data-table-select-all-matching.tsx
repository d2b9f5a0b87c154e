"use client";

import { Button } from "@/components/ui/button";
import type { Noun } from "@/lib/format/nouns";

const numbers = new Intl.NumberFormat("en");

/**
 * Shown once every row of the page is ticked and more match beyond it: "All 50 tokens on this
 * page are selected. Select all 1,204 that match". Choosing it turns the selection into the
 * filter itself; the server freezes the matching ids when an action is chosen, and the owner
 * confirms exactly those.
 */
export function DataTableSelectAllMatching({
  pageCount,
  total,
  noun,
  allMatching,
  onSelectAllMatching,
  onClear,
}: {
  pageCount: number;
  total: number;
  noun: Noun;
  allMatching: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
}) {
  const plural = (n: number) => (n === 1 ? noun.one : noun.other);
  return (
    <div className="flex flex-wrap items-center justify-center gap-x-3 gap-y-1 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-2 text-sm text-indigo-950" role="status">
      {allMatching ? (
        <>
          <span>
            All <strong className="tabular-nums">{numbers.format(total)}</strong> {plural(total)} that match are selected.
          </span>
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear selection
          </Button>
        </>
      ) : (
        <>
          <span>
            All {numbers.format(pageCount)} {plural(pageCount)} on this page are selected.
          </span>
          <Button variant="ghost" size="sm" onClick={onSelectAllMatching}>
            Select all {numbers.format(total)} that match
          </Button>
        </>
      )}
    </div>
  );
}
