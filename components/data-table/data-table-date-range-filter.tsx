"use client";

import type { Column, RowData } from "@tanstack/react-table";
import { lazy } from "react";
import { Popover } from "@/components/ui/popover";
import { formatDate } from "@/lib/format/format-date";
import { DataTableFilterTrigger } from "./data-table-filter-trigger";
import type { DateRangeValue } from "@/lib/search-params/table-state";
import type { DataTableFeatures, DateRangeFilter } from "./data-table-types";
import { currentRange } from "./filter-values";


// The date fields are loaded when a filter is first opened: the first paint needs only the button.
const DateRangeFilterPanel = lazy(() => import("./data-table-date-range-panel").then((module) => ({ default: module.DateRangeFilterPanel })));


function summarize(range: DateRangeValue, filter: DateRangeFilter): string | null {
  const parts = [
    range.from ? `${filter.fromLabel.toLowerCase()} ${formatDate(range.from.toISOString())}` : null,
    range.to ? `${filter.toLabel.toLowerCase()} ${formatDate(range.to.toISOString())}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : null;
}

/** A range of days, each end optional (GitHub's `*_after` / `*_before` pairs). */
export function DataTableDateRangeFilter<TData extends RowData>({
  column,
  label,
  filter,
}: {
  column: Column<DataTableFeatures, TData, unknown>;
  label: string;
  filter: DateRangeFilter;
}) {
  return (
    <Popover
      label={`${label} filter`}
      className="flex w-64 flex-col gap-3 p-3"
      trigger={(props) => <DataTableFilterTrigger {...props} label={label} summary={summarize(currentRange(column.getFilterValue()), filter)} />}
    >
      {() => <DateRangeFilterPanel column={column} label={label} filter={filter} />}
    </Popover>
  );
}
