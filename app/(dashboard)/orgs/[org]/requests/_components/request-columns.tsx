"use client";

import { CheckIcon, XIcon } from "lucide-react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createSelectColumn } from "@/components/data-table/data-table-select-column";
import { createDataTableColumnHelper } from "@/components/data-table/data-table-types";
import { createPatColumns } from "@/components/pat/pat-columns";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Tooltip } from "@/components/ui/tooltip";
import type { PatRequestRow } from "@/lib/api/contract";
import type { ReviewAction } from "@/lib/client/review-requests";

/** "mona's request for ci-deploy": how each row is named to assistive technology. */
export function describeRequest(row: PatRequestRow): string {
  return `${row.owner.login}'s request for ${row.tokenName}`;
}

export interface RequestColumnActions {
  /** The page URL with this request's panel open. */
  requestHref: (row: PatRequestRow) => string;
  openRequest: (row: PatRequestRow) => void;
  review: (rows: PatRequestRow[], action: ReviewAction) => void;
  /** A review is in flight: review buttons wait. */
  reviewing: boolean;
}

const helper = createDataTableColumnHelper<PatRequestRow>();

export function createRequestColumns({ requestHref, openRequest, review, reviewing }: RequestColumnActions) {
  const pat = createPatColumns<PatRequestRow>({
    href: requestHref,
    open: openRequest,
    describeTarget: (row) => `${row.owner.login}'s request`,
  });
  return helper.columns([
    createSelectColumn<PatRequestRow>({ pageLabel: "Select all requests on this page", describeRow: (row) => `Select ${describeRequest(row)}` }),
    pat.owner,
    pat.tokenName(),
    helper.accessor("reason", {
      header: "Reason",
      meta: { label: "Reason", hideBelow: "lg", className: "min-w-40 max-w-56" },
      cell: ({ row }) =>
        row.original.reason ? (
          <p className="line-clamp-2 text-zinc-700" title={row.original.reason}>
            {row.original.reason}
          </p>
        ) : (
          <span className="text-zinc-600 italic">No reason given</span>
        ),
    }),
    pat.permissions,
    pat.repositories,
    helper.accessor("createdAt", {
      enableSorting: true,
      header: ({ column }) => <DataTableColumnHeader column={column} title="Requested" />,
      meta: { label: "Requested", hideBelow: "md" },
      cell: ({ row }) => <RelativeTime iso={row.original.createdAt} className="whitespace-nowrap text-zinc-700" />,
    }),
    pat.expiry,
    pat.lastUsed("xl"),
    helper.display({
      id: "actions",
      header: () => <span className="sr-only">Review</span>,
      meta: { label: "Review", className: "w-px text-right" },
      cell: ({ row }) => (
        <div className="flex justify-end gap-1">
          <Tooltip content="Approve…">
          <Button size="sm" variant="ghost" disabled={reviewing} onClick={() => review([row.original], "approve")}>
            <CheckIcon className="text-emerald-600" aria-hidden />
            <span className="hidden 2xl:inline">Approve</span>
            <span className="sr-only 2xl:hidden">Approve</span>
            <span className="sr-only"> {describeRequest(row.original)}</span>
          </Button>
          </Tooltip>
          <Tooltip content="Deny…">
          <Button size="sm" variant="danger-ghost" disabled={reviewing} onClick={() => review([row.original], "deny")}>
            <XIcon aria-hidden />
            <span className="hidden 2xl:inline">Deny</span>
            <span className="sr-only 2xl:hidden">Deny</span>
            <span className="sr-only"> {describeRequest(row.original)}</span>
          </Button>
          </Tooltip>
        </div>
      ),
    }),
  ]);
}
