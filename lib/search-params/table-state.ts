// A table's URL state as TanStack Table holds it: each page's parser map converts to and from it.

import type { ColumnFiltersState, PaginationState, SortingState } from "@tanstack/react-table";

/** The state that lives in the URL. */
export interface DataTableState {
  pagination: PaginationState;
  sorting: SortingState;
  columnFilters: ColumnFiltersState;
}

export interface DateRangeValue {
  from: Date | null;
  to: Date | null;
}

/** What the list said about the page just fetched. */
export interface DataTablePageInfo {
  hasNextPage: boolean;
  /** The last page number, when it is known. */
  lastPage: number | null;
}
