// The PAT list's URL parameters seen as data-table state and back. The table keeps one filter
// value per column; these are the column ids both PAT tables (requests, tokens) give their
// filterable columns.

import type { ColumnFilter, SortingState } from "@tanstack/react-table";
import type { DataTableState, DateRangeValue } from "./table-state";
import { PAGE_SIZES, type PatListParams } from "./pat-list";

export const PAT_FILTER_COLUMNS = {
  owner: "owner",
  repository: "repository",
  permission: "permission",
  lastUsed: "lastUsed",
} as const;

type ListKeys = "owner" | "repository" | "permission" | "lastUsedBefore" | "lastUsedAfter" | "direction" | "page" | "perPage";

/** Page, size, sort and filters as the table holds them. `sortColumnId` is the column GitHub sorts by (created_at). */
export function patListTableState(params: PatListParams, sortColumnId: string): DataTableState {
  const columnFilters: ColumnFilter[] = [];
  if (params.owner.length > 0) columnFilters.push({ id: PAT_FILTER_COLUMNS.owner, value: params.owner });
  if (params.repository) columnFilters.push({ id: PAT_FILTER_COLUMNS.repository, value: params.repository });
  if (params.permission) columnFilters.push({ id: PAT_FILTER_COLUMNS.permission, value: params.permission });
  if (params.lastUsedAfter || params.lastUsedBefore) {
    const range: DateRangeValue = { from: params.lastUsedAfter, to: params.lastUsedBefore };
    columnFilters.push({ id: PAT_FILTER_COLUMNS.lastUsed, value: range });
  }
  const sorting: SortingState = [{ id: sortColumnId, desc: params.direction === "desc" }];
  return { pagination: { pageIndex: params.page - 1, pageSize: params.perPage }, sorting, columnFilters };
}

function filterValue(state: DataTableState, id: string): unknown {
  return state.columnFilters.find((filter) => filter.id === id)?.value;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function dateOrNull(value: unknown): Date | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;
}

function pageSize(size: number): PatListParams["perPage"] {
  return PAGE_SIZES.find((allowed) => allowed === size) ?? PAGE_SIZES[0];
}

/** Every list parameter for the given table state; written to the URL as one update. */
export function patListParamsFromTable(state: DataTableState): Pick<PatListParams, ListKeys> {
  const owners = filterValue(state, PAT_FILTER_COLUMNS.owner);
  const range = (filterValue(state, PAT_FILTER_COLUMNS.lastUsed) ?? {}) as Partial<DateRangeValue>;
  return {
    owner: Array.isArray(owners) ? owners.filter((owner): owner is string => typeof owner === "string") : [],
    repository: stringOrNull(filterValue(state, PAT_FILTER_COLUMNS.repository)),
    permission: stringOrNull(filterValue(state, PAT_FILTER_COLUMNS.permission)),
    lastUsedAfter: dateOrNull(range.from),
    lastUsedBefore: dateOrNull(range.to),
    direction: state.sorting[0]?.desc === false ? "asc" : "desc",
    page: state.pagination.pageIndex + 1,
    perPage: pageSize(state.pagination.pageSize),
  };
}
