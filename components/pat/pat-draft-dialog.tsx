"use client";

import { DataTableConfirmDialog } from "@/components/data-table/data-table-confirm-dialog";
import type { JobDraft } from "@/lib/contract/jobs";
import type { PatResource, PatRows } from "@/lib/contract/pat-rows";
import { count } from "@/lib/format/bulk-wording";
import { MEMBER_NOUN } from "@/lib/format/nouns";
import type { PatActionSpec, PatViewSpec } from "./pat-view-spec";

const numbers = new Intl.NumberFormat("en");

/**
 * The confirmation of an action on every row that matches the filters. The server froze the
 * matching ids when the action was chosen (the draft): the dialog names exactly those — how many,
 * from how many members, how many reach with write or admin access — and a large one asks for the
 * org's name to be typed. What runs is the frozen list, never a re-evaluated filter.
 */
export function PatDraftDialog<R extends PatResource>({
  org,
  spec,
  action,
  draft,
  onClose,
  onConfirm,
  sending,
  error,
  fallbackFocus,
}: {
  org: string;
  spec: PatViewSpec<R>;
  action: PatActionSpec<PatRows[R]>;
  /** Null while the server freezes the selection. */
  draft: JobDraft | null;
  onClose: () => void;
  onConfirm: (note: string, typed: string) => void;
  sending: boolean;
  error: string | null;
  fallbackFocus: () => HTMLElement | null;
}) {
  const title = draft
    ? `${action.verb} ${count(draft.total, spec.noun)} from ${count(draft.owners, MEMBER_NOUN)}`
    : `${action.verb} every ${spec.noun.one} that matches`;
  const elevated =
    draft && draft.elevated > 0
      ? `${numbers.format(draft.elevated)} of them ${draft.elevated === 1 ? "has" : "have"} write or admin access.`
      : null;
  return (
    <DataTableConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={title}
      description={
        draft ? (
          <>
            Selected: {draft.description}. {elevated} It runs on the server in chunks of 100, paced as GitHub asks; you can leave the page and follow it under Jobs.
          </>
        ) : error ? undefined : (
          "Finding every match…"
        )
      }
      note={action.note}
      typedConfirmation={draft?.typedConfirmation ? { expected: org, label: `Type ${org} to confirm` } : undefined}
      ready={draft !== null}
      confirmLabel={draft ? `${action.verb} ${numbers.format(draft.total)}` : action.verb}
      pendingLabel="Starting…"
      tone={action.tone}
      pending={sending}
      error={error}
      onConfirm={onConfirm}
      fallbackFocus={fallbackFocus}
    />
  );
}
