"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { currentRange } from "./filter-values";
import type { DateRangeValue } from "@/lib/search-params/table-state";
import type { DataTableFilterColumn, DateRangeFilter } from "./data-table-types";

/** `<input type="date">` speaks YYYY-MM-DD; the filter holds that day's UTC midnight. */
function toInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

function fromInputValue(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The date-range filter's panel: a day field for each end, and a warning when they cross. */
export function DateRangeFilterPanel({
  column,
  label,
  filter,
}: {
  column: DataTableFilterColumn;
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
    <>
      <div className="flex flex-col gap-1">
        <label htmlFor={fromId} className="text-xs font-medium text-zinc-700">
          {label}: {filter.fromLabel.toLowerCase()}
        </label>
        <Input
          id={fromId}
          // The panel was opened to pick a day.
          autoFocus
          type="date"
          value={toInputValue(range.from)}
          onChange={(event) => update({ ...range, from: fromInputValue(event.target.value) })}
        />
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
    </>
  );
}
