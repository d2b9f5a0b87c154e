"use client";

import { functionalUpdate, useTable, type FilterFn, type RowData, type RowSelectionState } from "@tanstack/react-table";
import { useState } from "react";
import { resolvePageCount } from "./page-count";
import type { DataTablePageInfo, DataTableState } from "@/lib/search-params/table-state";
import { dataTableFeatures, type DataTableColumnDef, type DataTableFeatures, type DataTableInstance } from "./data-table-types";

export interface UseDataTableOptions<TData extends RowData> {
  /** The rows of the current page, as GitHub returned them (kept referentially stable). */
  data: TData[];
  columns: DataTableColumnDef<TData>[];
  getRowId: (row: TData) => string;
  /** Page, size, sort and filters, read from the URL. */
  state: DataTableState;
  /** Called with the complete next state; write it to the URL. */
  onStateChange: (next: DataTableState) => void;
  pageInfo: DataTablePageInfo;
  rowSelection: RowSelectionState;
  onRowSelectionChange: (next: RowSelectionState) => void;
  /** Rows that may not be selected (nothing to act on); all may, when absent. */
  canSelectRow?: (row: TData) => boolean;
}

/**
 * GitHub filters the rows (manual filtering), so no row is ever tested here; TanStack still asks a
 * column's filter function which values mean "no filter", to drop them from the state.
 */
function filteredByServer<TData extends RowData>(): FilterFn<DataTableFeatures, TData> {
  return Object.assign(() => true, {
    autoRemove: (value: unknown) => value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0),
  });
}

/**
 * TanStack Table in manual mode over a server-paged list: the table shows `data` as the page,
 * and every change of page, size, sort or filter goes to `onStateChange`. A new sort or filter,
 * or a new page size, starts again at page 1 — the old page number would point elsewhere.
 * Columns sort only when they say `enableSorting: true` (GitHub sorts by one field).
 */
export function useDataTable<TData extends RowData>({
  data,
  columns,
  getRowId,
  state,
  onStateChange,
  pageInfo,
  rowSelection,
  onRowSelectionChange,
  canSelectRow,
}: UseDataTableOptions<TData>): DataTableInstance<TData> {
  // Stable across renders, so TanStack does not rebuild its column model each time.
  const [defaultColumn] = useState(() => ({ enableSorting: false, filterFn: filteredByServer<TData>() }));
  const firstPage = { ...state.pagination, pageIndex: 0 };
  const pageCount = resolvePageCount(state.pagination.pageIndex + 1, pageInfo);

  return useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    state: { ...state, rowSelection },
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    // -1 tells TanStack the count is unknown, so "next" stays enabled.
    pageCount: pageCount ?? -1,
    autoResetPageIndex: false,
    defaultColumn,
    enableMultiSort: false,
    enableRowSelection: canSelectRow ? (row) => canSelectRow(row.original) : true,
    enableSortingRemoval: false,
    sortDescFirst: true,
    // React's change event for a checkbox keeps the click (and its Shift key) as nativeEvent.
    isRowRangeSelectionEvent: (event) => (event as { nativeEvent?: { shiftKey?: boolean } }).nativeEvent?.shiftKey === true,
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, state.pagination);
      const pagination = next.pageSize === state.pagination.pageSize ? next : { pageSize: next.pageSize, pageIndex: 0 };
      onStateChange({ ...state, pagination });
    },
    onSortingChange: (updater) => {
      onStateChange({ ...state, sorting: functionalUpdate(updater, state.sorting), pagination: firstPage });
    },
    onColumnFiltersChange: (updater) => {
      onStateChange({ ...state, columnFilters: functionalUpdate(updater, state.columnFilters), pagination: firstPage });
    },
    onRowSelectionChange: (updater) => onRowSelectionChange(functionalUpdate(updater, rowSelection)),
  });
}
