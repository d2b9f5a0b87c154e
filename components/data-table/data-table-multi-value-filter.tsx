"use client";

import type { Column, RowData } from "@tanstack/react-table";
import { lazy } from "react";
import { Popover } from "@/components/ui/popover";
import { DataTableFilterTrigger } from "./data-table-filter-trigger";
import type { DataTableFeatures, MultiTextFilter } from "./data-table-types";
import { currentValues } from "./filter-values";


// The panel is loaded when a filter is first opened: the table's first paint needs only the button.
const MultiValueFilterPanel = lazy(() => import("./data-table-multi-value-panel").then((module) => ({ default: module.MultiValueFilterPanel })));


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
      trigger={(props) => <DataTableFilterTrigger {...props} label={label} summary={summarize(currentValues(column.getFilterValue()))} />}
    >
      {() => <MultiValueFilterPanel column={column} label={label} filter={filter} />}
    </Popover>
  );
}
