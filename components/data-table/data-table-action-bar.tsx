"use client";

import type { RowData } from "@tanstack/react-table";
import { XIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { Noun } from "@/lib/format/nouns";
import type { DataTableInstance } from "./data-table-types";

/**
 * Appears while rows are selected: how many, a way to clear, and the page's bulk actions. It
 * sticks to the bottom of the viewport so the actions stay in reach while scrolling the rows.
 */
export function DataTableActionBar<TData extends RowData>({
  table,
  noun,
  selectedCount,
  children,
}: {
  table: DataTableInstance<TData>;
  noun: Noun;
  /** When more than the page's ticked rows are selected ("all that match"): how many. */
  selectedCount?: number;
  children: ReactNode;
}) {
  const count = selectedCount ?? table.getSelectedRowModel().rows.length;
  const counted = `${new Intl.NumberFormat("en").format(count)} ${count === 1 ? noun.one : noun.other} selected`;
  return (
    <div className="sticky bottom-4 z-20 flex justify-center">
      {/* Always present, so screen readers hear the count change as rows are ticked. */}
      <p className="sr-only" aria-live="polite">
        {count > 0 ? counted : ""}
      </p>
      {count > 0 ? (
        <section
          aria-label="Selection"
          className="flex max-w-full flex-wrap items-center gap-2 rounded-xl border border-zinc-200 bg-white py-2 pr-2 pl-3 shadow-lg ring-1 ring-zinc-950/5"
        >
          <p className="text-sm font-medium whitespace-nowrap text-zinc-900" aria-hidden>
            {counted}
          </p>
          <Button variant="ghost" size="sm" onClick={() => table.resetRowSelection(true)}>
            <XIcon aria-hidden />
            Clear
          </Button>
          <span className="mx-1 hidden h-5 w-px bg-zinc-200 sm:block" aria-hidden />
          <div className="flex flex-wrap items-center gap-2">{children}</div>
        </section>
      ) : null}
    </div>
  );
}
