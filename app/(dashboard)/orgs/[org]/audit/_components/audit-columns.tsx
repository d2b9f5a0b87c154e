"use client";

import { createDataTableColumnHelper, type FilterOption } from "@/components/data-table/data-table-types";
import { RelativeTime } from "@/components/ui/relative-time";
import { AUDIT_ACTIONS, type AuditRecord } from "@/lib/contract/audit-record";
import { isLogin, MAX_OWNERS } from "@/lib/contract/github-names";
import { AUDIT_FILTER_COLUMNS } from "@/lib/search-params/audit-table-state";
import { ACTION_ICONS, AuditActionBadge, AuditOutcome } from "@/components/audit/audit-badges";
import { ACTING_IDENTITY_LABELS, ACTION_LABELS, OUTCOME_LABELS } from "@/lib/format/audit-wording";

const ACTION_OPTIONS: FilterOption[] = AUDIT_ACTIONS.map((action) => ({ value: action, label: ACTION_LABELS[action], icon: ACTION_ICONS[action] }));

const OUTCOME_OPTIONS: FilterOption[] = [
  { value: "accepted", label: OUTCOME_LABELS.accepted, keywords: "ok success" },
  { value: "inferred", label: OUTCOME_LABELS.inferred, keywords: "ok success unclear reread" },
  { value: "skipped", label: OUTCOME_LABELS.skipped, keywords: "not sent already done cancelled" },
  { value: "failed", label: OUTCOME_LABELS.failed, keywords: "error refused" },
  { value: "unknown", label: OUTCOME_LABELS.unknown, keywords: "unclear pending interrupted" },
];

const loginFilter = (placeholder: string) => ({
  variant: "multi-text" as const,
  placeholder,
  max: MAX_OWNERS,
  validate: (login: string) => (isLogin(login) ? null : `“${login}” is not a GitHub login.`),
});

const helper = createDataTableColumnHelper<AuditRecord>();

export function createAuditColumns() {
  return helper.columns([
    helper.accessor("at", {
      id: AUDIT_FILTER_COLUMNS.time,
      header: "Time",
      meta: {
        label: "Date",
        className: "w-36",
        filter: { variant: "date-range", fromLabel: "From", toLabel: "To", toInclusive: true },
      },
      cell: ({ row }) => <RelativeTime iso={row.original.at} className="whitespace-nowrap text-zinc-700" />,
    }),
    helper.accessor((record) => record.actor.login, {
      id: AUDIT_FILTER_COLUMNS.actor,
      header: "Actor",
      meta: { label: "Actor", className: "w-32", filter: loginFilter("Owner's login, then Enter") },
      cell: ({ row }) => (
        <div className="flex min-w-0 flex-col">
          <span className="font-medium text-zinc-900">{row.original.actor.login}</span>
          <span className="text-xs text-zinc-500">{ACTING_IDENTITY_LABELS[row.original.actedAs]}</span>
        </div>
      ),
    }),
    helper.accessor("action", {
      id: AUDIT_FILTER_COLUMNS.action,
      header: "Action",
      meta: { label: "Action", className: "w-28", filter: { variant: "select", placeholder: "Approved, denied, revoked", options: ACTION_OPTIONS } },
      cell: ({ row }) => <AuditActionBadge action={row.original.action} />,
    }),
    helper.accessor((record) => record.token?.ownerLogin ?? "", {
      id: AUDIT_FILTER_COLUMNS.owner,
      header: "Token / owner",
      meta: { label: "Token owner", className: "min-w-40", filter: loginFilter("Token owner's login, then Enter") },
      cell: ({ row }) => {
        const { token, targetId, action } = row.original;
        const kind = action === "revoke" ? "Token grant" : "Request";
        return (
          <div className="flex min-w-0 flex-col">
            {token ? (
              <>
                <span className="font-medium [overflow-wrap:anywhere] text-zinc-900">{token.name}</span>
                <span className="text-xs text-zinc-600">{token.ownerLogin}</span>
              </>
            ) : (
              <span className="text-zinc-600 italic" title="GitHub could not confirm the token when the action was sent.">
                Token not recorded
              </span>
            )}
            <span className="text-xs text-zinc-500 tabular-nums">
              {kind} {targetId}
            </span>
          </div>
        );
      },
    }),
    helper.accessor("reason", {
      header: "Reason",
      meta: { label: "Reason", hideBelow: "md", className: "min-w-40 max-w-64" },
      cell: ({ row }) =>
        row.original.reason ? (
          <p className="line-clamp-2 text-zinc-700" title={row.original.reason}>
            {row.original.reason}
          </p>
        ) : (
          <span className="text-zinc-600 italic">None given</span>
        ),
    }),
    helper.accessor("outcome", {
      id: AUDIT_FILTER_COLUMNS.outcome,
      header: "Outcome",
      meta: { label: "Outcome", className: "min-w-36 max-w-64", filter: { variant: "select", placeholder: "Accepted, failed, unknown", options: OUTCOME_OPTIONS } },
      cell: ({ row }) => <AuditOutcome record={row.original} />,
    }),
  ]);
}
