"use client";

import { DataTableConfirmDialog } from "@/components/data-table/data-table-confirm-dialog";
import type { PatTokenRow } from "@/lib/api/contract";
import { describeBulkAction } from "@/lib/format/bulk-wording";
import { RateLimitWait } from "./rate-limit-wait";
import { listOwners, REVOKE_NOTE_MAX, TOKEN_NOUN } from "./revoke-wording";

/**
 * "Revoke 12 tokens from 9 members": says it cannot be undone, names the owners who lose
 * access, and takes an optional note for Grantdesk's audit trail (GitHub's revoke takes none).
 * Mounted while a revoke is pending confirmation (the page loads it on first use).
 */
export function RevokeDialog({
  org,
  rows,
  onClose,
  onConfirm,
  pending,
  error,
  fallbackFocus,
}: {
  org: string;
  /** The tokens to revoke. */
  rows: PatTokenRow[];
  onClose: () => void;
  onConfirm: (rows: PatTokenRow[], note: string) => void;
  pending: boolean;
  error: string | null;
  fallbackFocus: () => HTMLElement | null;
}) {
  const owners = rows.map((row) => row.owner.login);
  const single = rows.length === 1 ? rows[0] : undefined;
  return (
    <DataTableConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={describeBulkAction("Revoke", rows.length, TOKEN_NOUN, owners)}
      description={
        <p>
          <strong className="font-semibold text-zinc-900">This cannot be undone.</strong> {single ? "The token loses" : "Each token loses"} its access
          to {org} at once; to get it back, {single ? "its owner has" : "their owners have"} to request access again.
        </p>
      }
      note={{
        label: "Note",
        maxLength: REVOKE_NOTE_MAX,
        placeholder: "e.g. Unused since the Q3 migration",
        hint: "Kept in Grantdesk's audit trail. GitHub's revoke takes no reason, so owners do not see it.",
      }}
      confirmLabel="Revoke"
      pendingLabel="Revoking…"
      tone="danger"
      pending={pending}
      error={error}
      onConfirm={(note) => onConfirm(rows, note)}
      fallbackFocus={fallbackFocus}
    >
      <dl className="flex flex-col gap-1 rounded-md bg-zinc-50 px-3 py-2 text-sm ring-1 ring-zinc-200">
        {single ? (
          <div className="flex gap-2">
            <dt className="shrink-0 text-zinc-500">Token</dt>
            <dd className="min-w-0 font-medium [overflow-wrap:anywhere] text-zinc-900">{single.tokenName}</dd>
          </div>
        ) : null}
        <div className="flex gap-2">
          <dt className="shrink-0 text-zinc-500">{new Set(owners).size === 1 ? "Owner affected" : "Owners affected"}</dt>
          <dd className="min-w-0 font-medium [overflow-wrap:anywhere] text-zinc-900">{listOwners(owners)}</dd>
        </div>
      </dl>
      {pending ? <RateLimitWait org={org} /> : null}
    </DataTableConfirmDialog>
  );
}
