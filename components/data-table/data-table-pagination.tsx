"use client";

import type { RowData } from "@tanstack/react-table";
import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon, ChevronsRightIcon } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { describePage } from "./page-count";
import type { DataTableInstance } from "./data-table-types";
import { capitalize } from "@/lib/format/bulk-wording";
import type { Noun } from "@/lib/format/nouns";

/** Page size, where we are ("Page 3 of 12", or "Page 3" when GitHub did not say), and the way on. */
export function DataTablePagination<TData extends RowData>({
  table,
  pageSizes,
  noun,
}: {
  table: DataTableInstance<TData>;
  pageSizes: readonly number[];
  /** What a row is: { one: "request", other: "requests" }. */
  noun: Noun;
}) {
  const sizeId = useId();
  const { pageIndex, pageSize } = table.state.pagination;
  const page = pageIndex + 1;
  const rawCount = table.getPageCount();
  const pageCount = rawCount < 0 ? null : rawCount;
  const shown = table.getRowModel().rows.length;
  const first = pageIndex * pageSize + 1;

  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 text-sm text-zinc-600">
      <div className="flex items-center gap-2">
        <label htmlFor={sizeId}>Rows per page</label>
        <select
          id={sizeId}
          value={pageSize}
          onChange={(event) => table.setPageSize(Number(event.target.value))}
          className="h-8 rounded-md border border-zinc-300 bg-white pr-7 pl-2 text-sm text-zinc-900 shadow-xs focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-3">
        <p aria-live="polite" className="whitespace-nowrap">
          <span className="font-medium text-zinc-900">{describePage(page, pageCount)}</span>
          {shown > 0 ? (
            <span className="hidden sm:inline">
              {" "}
              · {capitalize(noun.other)} {first}–{first + shown - 1}
            </span>
          ) : null}
        </p>
        <div className="flex items-center gap-1">
          <Button size="icon" variant="ghost" aria-label="First page" disabled={!table.getCanPreviousPage()} onClick={() => table.firstPage()}>
            <ChevronsLeftIcon aria-hidden />
          </Button>
          <Button size="icon" variant="ghost" aria-label="Previous page" disabled={!table.getCanPreviousPage()} onClick={() => table.previousPage()}>
            <ChevronLeftIcon aria-hidden />
          </Button>
          <Button size="icon" variant="ghost" aria-label="Next page" disabled={!table.getCanNextPage()} onClick={() => table.nextPage()}>
            <ChevronRightIcon aria-hidden />
          </Button>
          <Button size="icon" variant="ghost" aria-label="Last page" disabled={!table.getCanLastPage()} onClick={() => table.lastPage()}>
            <ChevronsRightIcon aria-hidden />
          </Button>
        </div>
      </div>
    </nav>
  );
}
