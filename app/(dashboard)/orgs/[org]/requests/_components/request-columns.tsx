"use client";

import { CheckIcon, EyeIcon, PenLineIcon, ShieldAlertIcon, XIcon } from "lucide-react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createSelectColumn } from "@/components/data-table/data-table-select-column";
import { createDataTableColumnHelper, type FilterOption } from "@/components/data-table/data-table-types";
import { LastUsed } from "@/components/pat/last-used";
import { PatOwner } from "@/components/pat/pat-owner";
import { PermissionSummaryCell } from "@/components/pat/permission-summary-cell";
import { RepositoryAccess } from "@/components/pat/repository-access";
import { TokenExpiry } from "@/components/pat/token-expiry";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Tooltip } from "@/components/ui/tooltip";
import type { PatRequestRow } from "@/lib/api/contract";
import type { ReviewAction } from "@/lib/client/review-requests";
import { PERMISSION_FILTER_OPTIONS, permissionLabel } from "@/lib/format/permission-catalog";
import { isLogin, isRepositoryName, MAX_OWNERS } from "@/lib/search-params/pat-list";
import { PAT_FILTER_COLUMNS } from "@/lib/search-params/pat-list-table-state";

const LEVEL_ICONS = {
  admin: <ShieldAlertIcon className="size-3.5 text-red-600" aria-hidden />,
  write: <PenLineIcon className="size-3.5 text-amber-600" aria-hidden />,
  read: <EyeIcon className="size-3.5 text-zinc-400" aria-hidden />,
};

/** GitHub's permission filter values, e.g. "Issues: write" for `issues_write`, grouped by scope. */
const PERMISSION_OPTIONS: FilterOption[] = PERMISSION_FILTER_OPTIONS.map((option) => ({
  value: option.value,
  label: `${permissionLabel(option.name)}: ${option.level}`,
  group: option.scope === "organization" ? "Organization permissions" : "Repository permissions",
  icon: LEVEL_ICONS[option.level],
}));

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

/** Plain left click only: a modified click opens the panel's URL in a new tab as links do. */
function isPlainClick(event: React.MouseEvent): boolean {
  return !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0);
}

export function createRequestColumns({ requestHref, openRequest, review, reviewing }: RequestColumnActions) {
  return helper.columns([
    createSelectColumn<PatRequestRow>({ pageLabel: "Select all requests on this page", describeRow: (row) => `Select ${describeRequest(row)}` }),
    helper.accessor((row) => row.owner.login, {
      id: PAT_FILTER_COLUMNS.owner,
      header: "Owner",
      meta: {
        label: "Owner",
        className: "w-32 max-w-32 sm:w-36 sm:max-w-36",
        stickyLeft: "2.5rem",
        filter: {
          variant: "multi-text",
          placeholder: "GitHub login, then Enter",
          max: MAX_OWNERS,
          validate: (login) => (isLogin(login) ? null : `“${login}” is not a GitHub login.`),
        },
      },
      cell: ({ row }) => <PatOwner owner={row.original.owner} />,
    }),
    helper.accessor("tokenName", {
      header: "Token",
      meta: { label: "Token", className: "min-w-32" },
      cell: ({ row }) => (
        <a
          href={requestHref(row.original)}
          onClick={(event) => {
            if (!isPlainClick(event)) return;
            event.preventDefault();
            openRequest(row.original);
          }}
          className="rounded font-medium [overflow-wrap:anywhere] text-zinc-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {row.original.tokenName}
          <span className="sr-only">, open {row.original.owner.login}&apos;s request</span>
        </a>
      ),
    }),
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
    helper.accessor("permissions", {
      id: PAT_FILTER_COLUMNS.permission,
      header: "Permissions",
      meta: {
        label: "Permission",
        filter: { variant: "select", placeholder: "Search, e.g. issues write", options: PERMISSION_OPTIONS },
      },
      cell: ({ row }) => <PermissionSummaryCell permissions={row.original.permissions} />,
    }),
    helper.accessor("repositorySelection", {
      id: PAT_FILTER_COLUMNS.repository,
      header: "Repositories",
      meta: {
        label: "Repository",
        hideBelow: "md",
        filter: {
          variant: "text",
          placeholder: "Filter by repository name",
          validate: (name) => (isRepositoryName(name) ? null : "Repository names use letters, digits, '.', '-' and '_'."),
        },
      },
      cell: ({ row }) => (
        <RepositoryAccess selection={row.original.repositorySelection} subsetHref={requestHref(row.original)} onOpenSubset={() => openRequest(row.original)} />
      ),
    }),
    helper.accessor("createdAt", {
      enableSorting: true,
      header: ({ column }) => <DataTableColumnHeader column={column} title="Requested" />,
      meta: { label: "Requested", hideBelow: "md" },
      cell: ({ row }) => <RelativeTime iso={row.original.createdAt} className="whitespace-nowrap text-zinc-700" />,
    }),
    helper.accessor("tokenExpiresAt", {
      header: "Expiry",
      meta: { label: "Expiry", hideBelow: "sm" },
      cell: ({ row }) => <TokenExpiry token={row.original} />,
    }),
    helper.accessor("tokenLastUsedAt", {
      id: PAT_FILTER_COLUMNS.lastUsed,
      header: "Last used",
      meta: { label: "Last used", hideBelow: "xl", filter: { variant: "date-range", fromLabel: "After", toLabel: "Before" } },
      cell: ({ row }) => <LastUsed iso={row.original.tokenLastUsedAt} />,
    }),
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
