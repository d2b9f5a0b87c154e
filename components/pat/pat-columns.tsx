"use client";

import { ArchiveIcon, EyeIcon, PenLineIcon, ShieldAlertIcon } from "lucide-react";
import Link from "next/link";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { createSelectColumn } from "@/components/data-table/data-table-select-column";
import { createDataTableColumnHelper, type DataTableColumnDef, type FilterOption } from "@/components/data-table/data-table-types";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Tooltip } from "@/components/ui/tooltip";
import { Badge } from "@/components/ui/badge";
import { GONE_REASONS, type PatResource, type PatRowBase, type PatRows } from "@/lib/contract/pat-rows";
import { PERMISSION_FILTER_OPTIONS } from "@/lib/contract/github-permissions";
import { permissionLabel } from "@/lib/format/permission-label";
import { isLogin, isRepositoryName, MAX_OWNERS } from "@/lib/contract/github-names";
import { PAT_FILTER_COLUMNS } from "@/lib/search-params/pat-list-table-state";
import { LastUsed } from "./last-used";
import { PatOwner } from "./pat-owner";
import { PermissionSummaryCell } from "./permission-summary-cell";
import { RepositoryAccess } from "./repository-access";
import { TokenExpiry } from "./token-expiry";
import type { PatActionSpec, PatViewSpec } from "./pat-view-spec";

// The columns of both PAT tables (pending requests, active tokens), with the filters GitHub's two
// list endpoints share; each page's spec adds its own columns and actions.

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

export interface PatColumnsOptions<R extends PatResource> {
  spec: PatViewSpec<R>;
  /** The page URL with this row's detail panel open. */
  href: (row: PatRows[R]) => string;
  open: (row: PatRows[R]) => void;
  /** Starts an action on rows (opens its confirmation). */
  act: (rows: PatRows[R][], action: PatActionSpec<PatRows[R]>) => void;
  /** An action is in flight: the row buttons wait. */
  acting: boolean;
  /** The owners holding most of the matches, offered by the owner filter. */
  topOwners?: readonly { login: string; count: number }[];
}

/**
 * Every column of a PAT table: selection, owner, token name, the page's own columns, permissions,
 * repositories, the date GitHub sorts by, expiry, last use and the row's actions. The filters are
 * the ones GitHub's two list endpoints share.
 */
export function createPatColumns<R extends PatResource>({ spec, href, open, act, acting, topOwners = [] }: PatColumnsOptions<R>): DataTableColumnDef<PatRows[R]>[] {
  type TRow = PatRows[R];
  const helper = createDataTableColumnHelper<TRow>();
  const { nameDetails, afterName = [], sortDate, lastUsedHideBelow } = spec.columns;
  return [
    createSelectColumn<TRow>({ pageLabel: `Select all ${spec.noun.other} on this page`, describeRow: (row) => `Select ${spec.describeRow(row)}` }),
    helper.accessor((row) => row.owner.login, {
      id: PAT_FILTER_COLUMNS.owner,
      enableSorting: true,
      header: ({ column }) => <DataTableColumnHeader column={column} title="Owner" />,
      meta: {
        label: "Owner",
        className: "w-32 max-w-32 sm:w-36 sm:max-w-36",
        stickyLeft: "2.5rem",
        filter: {
          variant: "multi-text",
          placeholder: "GitHub login, then Enter",
          max: MAX_OWNERS,
          validate: (login) => (isLogin(login) ? null : `“${login}” is not a GitHub login.`),
          suggestions: topOwners.map((owner) => ({ value: owner.login, count: owner.count })),
        },
      },
      cell: ({ row }) => <PatOwner owner={row.original.owner} />,
    }),
    helper.accessor((row) => row.tokenName, {
      id: PAT_FILTER_COLUMNS.search,
      header: "Token",
      meta: {
        label: "Search",
        className: "min-w-32",
        filter: {
          variant: "text",
          placeholder: `Search name, owner${spec.resource === "requests" ? ", reason" : ""}`,
          validate: (text) => (text.length > 100 ? "Search for at most 100 characters." : null),
        },
      },
      cell: ({ row }) => {
        const link = (
          // A plain click opens the panel in place (URL state only, no server round trip); a
          // modified one opens the page with it in a new tab, as links do.
          <Link
            href={href(row.original)}
            prefetch={false}
            onNavigate={(event) => {
              event.preventDefault();
              open(row.original);
            }}
            className="rounded font-medium [overflow-wrap:anywhere] text-zinc-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {row.original.tokenName}
            <span className="sr-only">, open {spec.describeTarget(row.original)}</span>
          </Link>
        );
        const gone = row.original.gone;
        const details = gone ? <GoneBadge gone={gone} /> : nameDetails?.(row.original);
        return details ? (
          <div className="flex flex-col items-start gap-1.5">
            {link}
            {details}
          </div>
        ) : (
          link
        );
      },
    }),
    ...afterName,
    helper.accessor((row) => row.permissions, {
      id: PAT_FILTER_COLUMNS.permission,
      header: "Permissions",
      meta: {
        label: "Permission",
        filter: { variant: "select", placeholder: "Search, e.g. issues write", options: PERMISSION_OPTIONS },
      },
      cell: ({ row }) => <PermissionSummaryCell permissions={row.original.permissions} />,
    }),
    helper.accessor((row) => row.repositorySelection, {
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
    helper.accessor(sortDate.accessor, {
      id: sortDate.key,
      enableSorting: true,
      header: ({ column }) => <DataTableColumnHeader column={column} title={sortDate.title} />,
      meta: { label: sortDate.label, hideBelow: sortDate.hideBelow },
      cell: ({ row }) => <RelativeTime iso={sortDate.accessor(row.original)} className="whitespace-nowrap text-zinc-700" />,
    }),
    helper.accessor((row) => row.tokenExpiresAt, {
      id: PAT_FILTER_COLUMNS.expires,
      enableSorting: true,
      header: ({ column }) => <DataTableColumnHeader column={column} title="Expiry" />,
      meta: { label: "Expiry", hideBelow: "sm" },
      cell: ({ row }) => <TokenExpiry token={row.original} />,
    }),
    helper.accessor((row) => row.tokenLastUsedAt, {
      id: PAT_FILTER_COLUMNS.lastUsed,
      enableSorting: true,
      header: ({ column }) => <DataTableColumnHeader column={column} title="Last used" />,
      meta: { label: "Last used", hideBelow: lastUsedHideBelow, filter: { variant: "date-range", fromLabel: "After", toLabel: "Before" } },
      cell: ({ row }) => <LastUsed iso={row.original.tokenLastUsedAt} />,
    }),
    helper.display({
      id: "actions",
      header: () => <span className="sr-only">{spec.actions.map((action) => action.verb).join(" or ")}</span>,
      meta: { label: spec.actions.map((action) => action.verb).join(" or "), className: "w-px text-right" },
      cell: ({ row }) =>
        row.original.gone ? null : (
        <div className="flex justify-end gap-1">
          {spec.actions.map((action) => (
            <Tooltip key={action.action} content={`${action.verb}…`}>
              <Button size="sm" variant={action.tone === "danger" ? "danger-ghost" : "ghost"} disabled={acting} onClick={() => act([row.original], action)}>
                <span className={action.tone === "primary" ? "text-emerald-600" : undefined}>{action.icon}</span>
                <span className="hidden 2xl:inline">{action.verb}</span>
                <span className="sr-only 2xl:hidden">{action.verb}</span>
                <span className="sr-only"> {spec.describeRow(row.original)}</span>
              </Button>
            </Tooltip>
          ))}
        </div>
      ),
    }),
  ];
}

/** "Revoked on GitHub, 2 days ago": a row GitHub no longer lists, kept as history. */
function GoneBadge({ gone }: { gone: NonNullable<PatRowBase["gone"]> }) {
  return (
    <Badge tone="neutral">
      <ArchiveIcon aria-hidden />
      {GONE_REASONS[gone.reason]}, <RelativeTime iso={gone.at} />
    </Badge>
  );
}
