// The PAT list's URL parameters seen as data-table state and back. The table keeps one filter
// value per column and one sorted column; these are the column ids both PAT tables (requests,
// tokens) give their filterable and sortable columns.

import type { ColumnFilter, SortingState } from "@tanstack/react-table";
import type { DataTableState, DateRangeValue } from "./table-state";
import { SORT_COLUMNS, type SortColumn } from "@/lib/contract/inventory";
import { PAGE_SIZES, type PatListParams } from "./pat-list";

export const PAT_FILTER_COLUMNS = {
  owner: "owner",
  repository: "repository",
  permission: "permission",
  lastUsed: "lastUsed",
  expires: "tokenExpiresAt",
  /** The token name column carries the search over names, owners and reasons. */
  search: "tokenName",
} as const;

type ListKeys = "owner" | "repository" | "permission" | "lastUsedBefore" | "lastUsedAfter" | "q" | "sort" | "direction" | "page" | "perPage";

/** The column each sort shows on; `listedColumnId` is the page's date column (requested, granted). */
function sortColumns(listedColumnId: string): Record<SortColumn, string> {
  return { listed: listedColumnId, expires: PAT_FILTER_COLUMNS.expires, "last-used": PAT_FILTER_COLUMNS.lastUsed, owner: PAT_FILTER_COLUMNS.owner };
}

/** Page, size, sort and filters as the table holds them. `listedColumnId` is the page's date column (requested, granted). */
export function patListTableState(params: PatListParams, listedColumnId: string): DataTableState {
  const columnFilters: ColumnFilter[] = [];
  if (params.owner.length > 0) columnFilters.push({ id: PAT_FILTER_COLUMNS.owner, value: params.owner });
  if (params.repository) columnFilters.push({ id: PAT_FILTER_COLUMNS.repository, value: params.repository });
  if (params.permission) columnFilters.push({ id: PAT_FILTER_COLUMNS.permission, value: params.permission });
  if (params.q) columnFilters.push({ id: PAT_FILTER_COLUMNS.search, value: params.q });
  if (params.lastUsedAfter || params.lastUsedBefore) {
    const range: DateRangeValue = { from: params.lastUsedAfter, to: params.lastUsedBefore };
    columnFilters.push({ id: PAT_FILTER_COLUMNS.lastUsed, value: range });
  }
  const sorting: SortingState = [{ id: sortColumns(listedColumnId)[params.sort], desc: params.direction === "desc" }];
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
export function patListParamsFromTable(state: DataTableState, listedColumnId: string): Pick<PatListParams, ListKeys> {
  const owners = filterValue(state, PAT_FILTER_COLUMNS.owner);
  const range = (filterValue(state, PAT_FILTER_COLUMNS.lastUsed) ?? {}) as Partial<DateRangeValue>;
  return {
    owner: Array.isArray(owners) ? owners.filter((owner): owner is string => typeof owner === "string") : [],
    repository: stringOrNull(filterValue(state, PAT_FILTER_COLUMNS.repository)),
    permission: stringOrNull(filterValue(state, PAT_FILTER_COLUMNS.permission)),
    q: stringOrNull(filterValue(state, PAT_FILTER_COLUMNS.search)),
    lastUsedAfter: dateOrNull(range.from),
    lastUsedBefore: dateOrNull(range.to),
    sort: SORT_COLUMNS.find((column) => sortColumns(listedColumnId)[column] === state.sorting[0]?.id) ?? "listed",
    direction: state.sorting[0]?.desc === false ? "asc" : "desc",
    page: state.pagination.pageIndex + 1,
    perPage: pageSize(state.pagination.pageSize),
  };
}
