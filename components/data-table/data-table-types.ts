// The one feature set every Grantdesk table uses, and the column metadata its generic pieces
// read: a column declares its own filter, responsive priority and layout; the toolbar and the
// table render them. Lists are paged, sorted and filtered by GitHub, so the table only holds
// that state (manual mode) and reports changes to whoever owns the URL.

import type { ReactNode } from "react";
import {
  columnFilteringFeature,
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type ReactTable,
  type RowData,
} from "@tanstack/react-table";

export interface FilterOption {
  value: string;
  label: string;
  /** Options sharing a group are listed under its heading. */
  group?: string;
  /** Extra words to match when searching (e.g. the raw API value). */
  keywords?: string;
  /** Drawn before the label; decorative, as the label carries the meaning. */
  icon?: ReactNode;
}

/** What a column offers in the toolbar; the filter's value type follows from its variant. */
export type DataTableFilter =
  /** Several exact values typed one by one (e.g. owner logins); value: string[]. */
  | {
      variant: "multi-text";
      placeholder: string;
      max: number;
      validate: (value: string) => string | null;
      /** Values worth offering, most common first, with how many rows each would match. */
      suggestions?: readonly { value: string; count: number }[];
    }
  /** Free text, applied after typing pauses; value: string. */
  | { variant: "text"; placeholder: string; validate: (value: string) => string | null }
  /** One value from a searchable list; value: string. */
  | { variant: "select"; placeholder: string; options: readonly FilterOption[] }
  /**
   * A date range; value: DateRangeValue. The "to" day is where the range stops (GitHub's
   * `*_before`), or with `toInclusive` the last day it includes, so from = to is one day.
   */
  | { variant: "date-range"; fromLabel: string; toLabel: string; toInclusive?: boolean };

export type MultiTextFilter = Extract<DataTableFilter, { variant: "multi-text" }>;
export type SelectFilter = Extract<DataTableFilter, { variant: "select" }>;
export type DateRangeFilter = Extract<DataTableFilter, { variant: "date-range" }>;

/** What a filter's panel needs of its column: the value, and a way to set it (undefined clears it). */
export interface DataTableFilterColumn {
  getFilterValue: () => unknown;
  setFilterValue: (value: unknown) => void;
}


export type Breakpoint = "sm" | "md" | "lg" | "xl" | "2xl";

export interface DataTableColumnMeta {
  /** The column's name where the header is not shown: filters, the action bar. */
  label: string;
  filter?: DataTableFilter;
  /** Below this breakpoint the column is hidden, so a phone shows what matters most. */
  hideBelow?: Breakpoint;
  /** Stays visible at this left offset (a CSS length) while the table scrolls sideways. */
  stickyLeft?: string;
  /** Width and alignment of the column's cells and header. */
  className?: string;
}

export const dataTableFeatures = tableFeatures({
  rowPaginationFeature,
  rowSortingFeature,
  columnFilteringFeature,
  rowSelectionFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;
export type DataTableInstance<TData extends RowData> = ReactTable<DataTableFeatures, TData>;

// `any`: a column list mixes accessor value types (string, number, objects), and an array of
// columns can only be typed this loosely; each column keeps its own type where it is made.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataTableColumnDef<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;

export function createDataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}


