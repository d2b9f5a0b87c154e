"use client";

import { DataTableConfirmDialog } from "@/components/data-table/data-table-confirm-dialog";
import type { PatResource, PatRows } from "@/lib/contract/pat-rows";
import { describeBulkAction } from "@/lib/format/bulk-wording";
import type { PatActionSpec, PatViewSpec } from "./pat-view-spec";
import { RateLimitWait } from "./rate-limit-wait";

export interface PendingAction<Row> {
  action: PatActionSpec<Row>;
  rows: Row[];
}

/**
 * "Deny 37 requests from 12 members": the confirmation of an action, with its reason or note.
 * Mounted while an action waits for confirmation. While GitHub holds the action for a rate
 * limit, it says how long.
 */
export function PatActionDialog<R extends PatResource>({
  org,
  spec,
  pending: { action, rows },
  onClose,
  onConfirm,
  sending,
  error,
  fallbackFocus,
}: {
  org: string;
  spec: PatViewSpec<R>;
  pending: PendingAction<PatRows[R]>;
  onClose: () => void;
  onConfirm: (note: string) => void;
  sending: boolean;
  error: string | null;
  fallbackFocus: () => HTMLElement | null;
}) {
  return (
    <DataTableConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={describeBulkAction(action.verb, rows.length, spec.noun, rows.map((row) => row.owner.login))}
      description={action.explain(rows, org)}
      note={action.note}
      confirmLabel={action.verb}
      pendingLabel={action.pendingVerb}
      tone={action.tone}
      pending={sending}
      error={error}
      onConfirm={onConfirm}
      fallbackFocus={fallbackFocus}
    >
      {action.details?.(rows)}
      {sending ? <RateLimitWait org={org} /> : null}
    </DataTableConfirmDialog>
  );
}
