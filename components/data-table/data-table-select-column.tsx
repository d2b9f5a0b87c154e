"use client";

import type { ColumnDef, RowData } from "@tanstack/react-table";
import { Checkbox } from "@/components/ui/checkbox";
import type { DataTableFeatures } from "./data-table-types";

/**
 * The leading checkbox column. `describeRow` names each row for its checkbox ("Select mona's
 * request for ci-deploy"), so a screen-reader user knows what they are selecting.
 */
export function createSelectColumn<TData extends RowData>({
  pageLabel,
  describeRow,
}: {
  /** "Select all requests on this page" */
  pageLabel: string;
  describeRow: (row: TData) => string;
}): ColumnDef<DataTableFeatures, TData, unknown> {
  return {
    id: "select",
    // Exactly the 2.5rem the next sticky column is offset by, the 16 px checkbox centred in it.
    meta: { label: "Select", className: "w-10 text-center", stickyLeft: "0" },
    header: ({ table }) => (
      <Checkbox
        aria-label={pageLabel}
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={!table.getIsAllPageRowsSelected() && table.getIsSomePageRowsSelected()}
        disabled={table.getRowModel().rows.length === 0}
        onChange={(event) => table.toggleAllPageRowsSelected(event.target.checked)}
      />
    ),
    cell: ({ row }) => (
      <Checkbox
        aria-label={describeRow(row.original)}
        checked={row.getIsSelected()}
        disabled={!row.getCanSelect()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  };
}
