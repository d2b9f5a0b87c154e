"use client";

import type { Column, RowData } from "@tanstack/react-table";
import { Popover } from "@/components/ui/popover";
import { FacetedFilterPanel } from "./data-table-faceted-panel";
import { DataTableFilterTrigger } from "./data-table-filter-trigger";
import type { DataTableFeatures, SelectFilter } from "./data-table-types";

/**
 * One value from a long list (e.g. GitHub's permissions), found by typing: a combobox whose
 * arrow keys move through the matches and Enter picks one.
 */
export function DataTableFacetedFilter<TData extends RowData>({
  column,
  label,
  filter,
}: {
  column: Column<DataTableFeatures, TData, unknown>;
  label: string;
  filter: SelectFilter;
}) {
  const raw = column.getFilterValue();
  const selected = filter.options.find((option) => option.value === raw) ?? null;
  return (
    <Popover
      label={`${label} filter`}
      className="w-80"
      trigger={<DataTableFilterTrigger label={label} summary={selected?.label ?? null} />}
    >
      {(close) => <FacetedFilterPanel column={column} label={label} filter={filter} selected={selected} close={close} />}
    </Popover>
  );
}
