"use client";

import type { RowData } from "@tanstack/react-table";
import { XIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DataTableDateRangeFilter } from "./data-table-date-range-filter";
import { DataTableFacetedFilter } from "./data-table-faceted-filter";
import { DataTableMultiValueFilter } from "./data-table-multi-value-filter";
import { DataTableTextFilter } from "./data-table-text-filter";
import type { DataTableInstance } from "./data-table-types";

/**
 * The filters every column declares in its meta, in column order (free-text search first), a
 * reset when any applies, and room for page-specific controls (`children`, at the end).
 */
export function DataTableToolbar<TData extends RowData>({ table, children }: { table: DataTableInstance<TData>; children?: ReactNode }) {
  const columns = table.getAllLeafColumns().filter((column) => column.columnDef.meta?.filter && column.getCanFilter());
  const ordered = [
    ...columns.filter((column) => column.columnDef.meta?.filter?.variant === "text"),
    ...columns.filter((column) => column.columnDef.meta?.filter?.variant !== "text"),
  ];

  return (
    <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-2">
      {ordered.map((column) => {
        const meta = column.columnDef.meta;
        const filter = meta?.filter;
        if (!meta || !filter) return null;
        switch (filter.variant) {
          case "text":
            return <DataTableTextFilter key={column.id} column={column} label={meta.label} filter={filter} />;
          case "multi-text":
            return <DataTableMultiValueFilter key={column.id} column={column} label={meta.label} filter={filter} />;
          case "select":
            return <DataTableFacetedFilter key={column.id} column={column} label={meta.label} filter={filter} />;
          case "date-range":
            return <DataTableDateRangeFilter key={column.id} column={column} label={meta.label} filter={filter} />;
        }
      })}
      {table.state.columnFilters.length > 0 ? (
        <Button variant="ghost" onClick={() => table.resetColumnFilters(true)}>
          Reset filters
          <XIcon aria-hidden />
        </Button>
      ) : null}
      {children ? <div className="ml-auto flex flex-wrap items-center gap-2">{children}</div> : null}
    </div>
  );
}
