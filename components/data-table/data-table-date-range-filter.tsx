"use client";

import type { Column, RowData } from "@tanstack/react-table";
import { Popover } from "@/components/ui/popover";
import { formatDate } from "@/lib/format/format-date";
import type { DateRangeValue } from "@/lib/search-params/table-state";
import { DateRangeFilterPanel } from "./data-table-date-range-panel";
import { DataTableFilterTrigger } from "./data-table-filter-trigger";
import type { DataTableFeatures, DateRangeFilter } from "./data-table-types";
import { currentRange } from "./filter-values";

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
      trigger={<DataTableFilterTrigger label={label} summary={summarize(currentRange(column.getFilterValue()), filter)} />}
    >
      {() => <DateRangeFilterPanel column={column} label={label} filter={filter} />}
    </Popover>
  );
}
