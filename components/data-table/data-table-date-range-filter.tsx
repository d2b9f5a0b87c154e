"use client";

import type { Column, RowData } from "@tanstack/react-table";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { formatDate } from "@/lib/format/format-date";
import { DataTableFilterTrigger } from "./data-table-filter-trigger";
import type { DataTableFeatures, DataTableFilter, DateRangeValue } from "./data-table-types";

type DateRangeFilter = Extract<DataTableFilter, { variant: "date-range" }>;

function currentRange(value: unknown): DateRangeValue {
  const range = (value ?? {}) as Partial<DateRangeValue>;
  return { from: range.from instanceof Date ? range.from : null, to: range.to instanceof Date ? range.to : null };
}

/** `<input type="date">` speaks YYYY-MM-DD; the filter holds that day's UTC midnight. */
function toInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

function fromInputValue(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

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
  const range = currentRange(column.getFilterValue());
  const fromId = useId();
  const toId = useId();
  const inverted =
    range.from !== null && range.to !== null && (filter.toInclusive ? range.from.getTime() > range.to.getTime() : range.from.getTime() >= range.to.getTime());

  const update = (next: DateRangeValue) => column.setFilterValue(next.from || next.to ? next : undefined);

  return (
    <Popover>
      <PopoverTrigger asChild>
        <DataTableFilterTrigger label={label} summary={summarize(range, filter)} />
      </PopoverTrigger>
      <PopoverContent className="flex w-64 flex-col gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={fromId} className="text-xs font-medium text-zinc-700">
            {label}: {filter.fromLabel.toLowerCase()}
          </label>
          <Input id={fromId} type="date" value={toInputValue(range.from)} onChange={(event) => update({ ...range, from: fromInputValue(event.target.value) })} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={toId} className="text-xs font-medium text-zinc-700">
            {label}: {filter.toLabel.toLowerCase()}
          </label>
          <Input id={toId} type="date" value={toInputValue(range.to)} onChange={(event) => update({ ...range, to: fromInputValue(event.target.value) })} />
        </div>
        {inverted ? (
          <p role="alert" className="text-xs text-amber-800">
            The “{filter.fromLabel.toLowerCase()}” day is {filter.toInclusive ? "after" : "not before"} the “{filter.toLabel.toLowerCase()}” day, so nothing can match.
          </p>
        ) : null}
        <p className="text-xs text-zinc-500">Days start at 00:00 UTC.</p>
        {range.from || range.to ? (
          <Button variant="ghost" size="sm" className="self-start" onClick={() => update({ from: null, to: null })}>
            Clear dates
          </Button>
        ) : null}
      </PopoverContent>
    </Popover>
  );
}
