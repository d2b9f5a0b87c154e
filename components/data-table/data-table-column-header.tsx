"use client";

import type { CellData, Column, RowData } from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from "lucide-react";
import type { DataTableFeatures } from "./data-table-types";

/**
 * A header that sorts its column when it can. The arrow shows the current direction (the header
 * cell's aria-sort says it to screen readers); the hidden words say what a press will do.
 */
export function DataTableColumnHeader<TData extends RowData, TValue extends CellData>({
  column,
  title,
}: {
  column: Column<DataTableFeatures, TData, TValue>;
  title: string;
}) {
  if (!column.getCanSort()) return <span>{title}</span>;
  const sorted = column.getIsSorted();
  const ascending = sorted === "asc";
  return (
    <button
      type="button"
      onClick={column.getToggleSortingHandler()}
      className="-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium hover:bg-zinc-200/60 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      {title}
      {sorted === false ? (
        <ArrowUpDownIcon className="size-3.5 text-zinc-400" aria-hidden />
      ) : ascending ? (
        <ArrowUpIcon className="size-3.5" aria-hidden />
      ) : (
        <ArrowDownIcon className="size-3.5" aria-hidden />
      )}
      <span className="sr-only">{sorted === false ? ", sort by this" : ascending ? ", sort descending" : ", sort ascending"}</span>
    </button>
  );
}
