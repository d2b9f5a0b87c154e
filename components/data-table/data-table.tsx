"use client";

import type { RowData } from "@tanstack/react-table";
import { AlertCircleIcon } from "lucide-react";
import type { MouseEvent, ReactNode, Ref } from "react";
import { cn } from "@/lib/cn";
import type { Noun } from "@/lib/format/nouns";
import { DataTableError } from "./data-table-error";
import { DataTableSkeletonRows } from "./data-table-skeleton";
import type { DataTableInstance } from "./data-table-types";
import { cellLayout } from "./responsive";

export interface DataTableProps<TData extends RowData> {
  table: DataTableInstance<TData>;
  /** Names the table for assistive technology ("Pending requests"). */
  label: string;
  /** What a row is: { one: "request", other: "requests" }. */
  noun: Noun;
  /** No page to show yet: placeholder rows. */
  isLoading: boolean;
  /** A page is shown while another loads: dimmed and marked busy, never blanked. */
  isRefreshing: boolean;
  /** The load failed; shown instead of rows, or above them when older rows are still shown. */
  error: Error | null;
  onRetry: () => void;
  /** What to show when the page has no rows (the reason differs per page and filter). */
  empty: ReactNode;
  /** Opens a row's details: on a click anywhere in the row outside its controls. */
  onRowOpen?: (row: TData) => void;
  /** The row whose details are open, highlighted. */
  activeRowId?: string | null;
  /** Why an action on a row failed, by row id; shown beneath the row. */
  rowErrors?: ReadonlyMap<string, string>;
  skeletonRowCount?: number;
  /** The scroll container; given focus when the control that had it disappears. */
  ref?: Ref<HTMLDivElement>;
}

const SORT_ARIA = { asc: "ascending", desc: "descending" } as const;

function fromControl(event: MouseEvent): boolean {
  return (event.target as HTMLElement).closest("a, button, input, label, select, textarea, [role=button]") !== null;
}

export function DataTable<TData extends RowData>({
  table,
  label,
  noun,
  isLoading,
  isRefreshing,
  error,
  onRetry,
  empty,
  onRowOpen,
  activeRowId,
  rowErrors,
  skeletonRowCount = 10,
  ref,
}: DataTableProps<TData>) {
  const rows = table.getRowModel().rows;
  const columnCount = table.getAllLeafColumns().length;
  const showError = error !== null && !isLoading && rows.length === 0;

  return (
    <div className="relative overflow-hidden rounded-lg border border-zinc-200 bg-white">
      {isRefreshing ? <div className="absolute inset-x-0 top-0 z-10 h-0.5 animate-pulse bg-indigo-500" aria-hidden /> : null}
      {error !== null && rows.length > 0 ? (
        <p role="alert" className="flex items-center gap-2 border-b border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <AlertCircleIcon className="size-4 shrink-0" aria-hidden />
          <span>
            Could not refresh {noun.other}: {error.message} The rows below may be out of date.
          </span>
        </p>
      ) : null}
      <div ref={ref} tabIndex={-1} role="region" aria-label={label} className="overflow-x-auto focus:outline-none">
        {showError ? (
          <DataTableError error={error} noun={noun} onRetry={onRetry} retrying={isRefreshing} />
        ) : (
          <table aria-busy={isLoading || isRefreshing} className={cn("w-full border-collapse text-sm", isRefreshing && "opacity-70")}>
            <caption className="sr-only">{label}</caption>
            <thead className="bg-zinc-50 text-left text-xs font-medium text-zinc-600">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} className="bg-zinc-50">
                  {group.headers.map((header) => {
                    const layout = cellLayout(header.column.columnDef.meta);
                    const sorted = header.column.getIsSorted();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={sorted ? SORT_ARIA[sorted] : undefined}
                        className={cn("h-9 bg-zinc-50 px-2.5 font-medium whitespace-nowrap", layout.className)}
                        style={layout.style}
                      >
                        {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {isLoading ? (
                <DataTableSkeletonRows columnCount={columnCount} rowCount={skeletonRowCount} />
              ) : rows.length === 0 ? (
                <tr>
                  <td colSpan={columnCount}>
                    {empty}
                  </td>
                </tr>
              ) : (
                rows.map((row) => {
                  const rowError = rowErrors?.get(row.id);
                  const selected = row.getIsSelected();
                  const active = row.id === activeRowId;
                  return [
                    <tr
                      key={row.id}
                      data-state={selected ? "selected" : undefined}
                      onClick={onRowOpen ? (event) => !fromControl(event) && onRowOpen(row.original) : undefined}
                      // Opaque backgrounds only: sticky cells inherit them and must hide what scrolls beneath.
                      // One background and one hover background each, by precedence: failed, open, selected.
                      className={cn(
                        "border-t border-zinc-100 align-top transition-colors",
                        rowError ? "bg-red-50" : active ? "bg-zinc-100" : selected ? "bg-indigo-50" : "bg-white",
                        rowError ? "hover:bg-red-50" : selected ? "hover:bg-indigo-100" : "hover:bg-zinc-50",
                        active && "shadow-[inset_3px_0_0_var(--color-indigo-600)]",
                        onRowOpen && "cursor-pointer",
                      )}
                    >
                      {row.getAllCells().map((cell) => {
                        const layout = cellLayout(cell.column.columnDef.meta);
                        return (
                          <td key={cell.id} className={cn("px-2.5 py-2.5", layout.className)} style={layout.style}>
                            <table.FlexRender cell={cell} />
                          </td>
                        );
                      })}
                    </tr>,
                    rowError ? (
                      <tr key={`${row.id}-error`} className="bg-red-50">
                        <td colSpan={columnCount} className="pt-0 pb-2.5 text-xs text-red-800">
                          {/* Sticky and no wider than the screen, so the reason stays readable while the row scrolls sideways. */}
                          <div className="sticky left-0 flex max-w-[min(56rem,calc(100vw_-_2rem))] items-start gap-1.5 pr-3 pl-10">
                            <AlertCircleIcon className="mt-px size-3.5 shrink-0" aria-hidden />
                            <span>Failed: {rowError}</span>
                          </div>
                        </td>
                      </tr>
                    ) : null,
                  ];
                })
              )}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
