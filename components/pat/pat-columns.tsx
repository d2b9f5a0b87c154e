"use client";

import { EyeIcon, PenLineIcon, ShieldAlertIcon } from "lucide-react";
import type { ReactNode } from "react";
import { createDataTableColumnHelper, type FilterOption } from "@/components/data-table/data-table-types";
import { isPlainClick } from "@/components/ui/plain-click";
import type { PatRequestRow, PatTokenRow } from "@/lib/api/contract";
import { PERMISSION_FILTER_OPTIONS, permissionLabel } from "@/lib/format/permission-catalog";
import { isLogin, isRepositoryName, MAX_OWNERS } from "@/lib/search-params/pat-list";
import { PAT_FILTER_COLUMNS } from "@/lib/search-params/pat-list-table-state";
import { LastUsed } from "./last-used";
import { PatOwner } from "./pat-owner";
import { PermissionSummaryCell } from "./permission-summary-cell";
import { RepositoryAccess } from "./repository-access";
import { TokenExpiry } from "./token-expiry";

// The columns both PAT tables (pending requests, active tokens) show the same way, with the
// filters GitHub's two list endpoints share. Each page adds its own columns around them.

type PatRow = PatRequestRow | PatTokenRow;

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

export interface PatPanelLinks<TRow extends PatRow> {
  /** The page URL with this row's detail panel open. */
  href: (row: TRow) => string;
  open: (row: TRow) => void;
  /** What the token-name link opens, for screen readers: "mona's request". */
  describeTarget: (row: TRow) => string;
}

export function createPatColumns<TRow extends PatRow>({ href, open, describeTarget }: PatPanelLinks<TRow>) {
  const helper = createDataTableColumnHelper<TRow>();
  return {
    owner: helper.accessor((row) => row.owner.login, {
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
    /** The token's name, opening the detail panel; `details` adds lines beneath it. */
    tokenName: (details?: (row: TRow) => ReactNode) =>
      helper.accessor((row) => row.tokenName, {
        id: "tokenName",
        header: "Token",
        meta: { label: "Token", className: "min-w-32" },
        cell: ({ row }) => {
          const link = (
            <a
              href={href(row.original)}
              onClick={(event) => {
                if (!isPlainClick(event)) return;
                event.preventDefault();
                open(row.original);
              }}
              className="rounded font-medium [overflow-wrap:anywhere] text-zinc-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              {row.original.tokenName}
              <span className="sr-only">, open {describeTarget(row.original)}</span>
            </a>
          );
          return details ? (
            <div className="flex flex-col items-start gap-1.5">
              {link}
              {details(row.original)}
            </div>
          ) : (
            link
          );
        },
      }),
    permissions: helper.accessor((row) => row.permissions, {
      id: PAT_FILTER_COLUMNS.permission,
      header: "Permissions",
      meta: {
        label: "Permission",
        filter: { variant: "select", placeholder: "Search, e.g. issues write", options: PERMISSION_OPTIONS },
      },
      cell: ({ row }) => <PermissionSummaryCell permissions={row.original.permissions} />,
    }),
    repositories: helper.accessor((row) => row.repositorySelection, {
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
        <RepositoryAccess selection={row.original.repositorySelection} subsetHref={href(row.original)} onOpenSubset={() => open(row.original)} />
      ),
    }),
    expiry: helper.accessor((row) => row.tokenExpiresAt, {
      id: "tokenExpiresAt",
      header: "Expiry",
      meta: { label: "Expiry", hideBelow: "sm" },
      cell: ({ row }) => <TokenExpiry token={row.original} />,
    }),
    lastUsed: (hideBelow: "lg" | "xl") =>
      helper.accessor((row) => row.tokenLastUsedAt, {
        id: PAT_FILTER_COLUMNS.lastUsed,
        header: "Last used",
        meta: { label: "Last used", hideBelow, filter: { variant: "date-range", fromLabel: "After", toLabel: "Before" } },
        cell: ({ row }) => <LastUsed iso={row.original.tokenLastUsedAt} />,
      }),
  };
}
