import { CheckIcon, CircleHelpIcon, KeyRoundIcon, SkipForwardIcon, XIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { AuditAction, AuditRecord } from "@/lib/contract/audit-record";
import { ACTION_LABELS, INFERRED_DETAIL, OUTCOME_LABELS } from "@/lib/format/audit-wording";

// How the trail shows an action and its outcome, on the audit page and in the detail panels.

export const ACTION_ICONS: Record<AuditAction, ReactNode> = {
  approve: <CheckIcon className="size-3.5 text-emerald-600" aria-hidden />,
  deny: <XIcon className="size-3.5 text-red-600" aria-hidden />,
  revoke: <KeyRoundIcon className="size-3.5 text-red-600" aria-hidden />,
};

export function AuditActionBadge({ action }: { action: AuditAction }) {
  return (
    <Badge tone={action === "approve" ? "neutral" : "warning"}>
      {ACTION_ICONS[action]}
      {ACTION_LABELS[action]}
    </Badge>
  );
}

export function AuditOutcome({ record }: { record: AuditRecord }) {
  if (record.outcome === "accepted") {
    return (
      <Badge>
        <CheckIcon className="text-emerald-600" aria-hidden />
        {OUTCOME_LABELS.accepted}
      </Badge>
    );
  }
  const detail =
    record.outcome === "unknown" && record.outcomeAt === null
      ? "Sent, but no outcome was recorded: the action was still running, or Grantdesk stopped mid-way. Check GitHub before trying again."
      : record.outcome === "inferred"
        ? INFERRED_DETAIL
        : record.message;
  return (
    <div className="flex flex-col items-start gap-1">
      <Badge tone={record.outcome === "failed" ? "danger" : record.outcome === "skipped" ? "neutral" : "warning"}>
        {record.outcome === "failed" ? (
          <XIcon aria-hidden />
        ) : record.outcome === "inferred" ? (
          <CheckIcon aria-hidden />
        ) : record.outcome === "skipped" ? (
          <SkipForwardIcon aria-hidden />
        ) : (
          <CircleHelpIcon aria-hidden />
        )}
        {OUTCOME_LABELS[record.outcome]}
        {record.status ? ` · HTTP ${record.status}` : ""}
      </Badge>
      {detail ? (
        <p className="line-clamp-2 text-xs text-zinc-600" title={detail}>
          {detail}
        </p>
      ) : null}
    </div>
  );
}
