"use client";

import type { Column, RowData } from "@tanstack/react-table";
import { Popover } from "@/components/ui/popover";
import { DataTableFilterTrigger } from "./data-table-filter-trigger";
import { MultiValueFilterPanel } from "./data-table-multi-value-panel";
import type { DataTableFeatures, MultiTextFilter } from "./data-table-types";
import { currentValues } from "./filter-values";

function summarize(values: string[]): string | null {
  if (values.length === 0) return null;
  return values.length <= 2 ? values.join(", ") : `${values.slice(0, 2).join(", ")} +${values.length - 2}`;
}

/** Several exact values (e.g. owner logins), each added with Enter and removable on its own. */
export function DataTableMultiValueFilter<TData extends RowData>({
  column,
  label,
  filter,
}: {
  column: Column<DataTableFeatures, TData, unknown>;
  label: string;
  filter: MultiTextFilter;
}) {
  return (
    <Popover
      label={`${label} filter`}
      className="flex w-72 flex-col gap-2.5 p-3"
      trigger={<DataTableFilterTrigger label={label} summary={summarize(currentValues(column.getFilterValue()))} />}
    >
      {() => <MultiValueFilterPanel column={column} label={label} filter={filter} />}
    </Popover>
  );
}
