"use client";

import { ArchiveIcon } from "lucide-react";
import { useMemo } from "react";
import { TargetHistory } from "@/components/audit/target-history";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { GONE_REASONS, type PatResource, type PatRows } from "@/lib/contract/pat-rows";
import { formatDateTime } from "@/lib/format/format-date";
import { summarizePermissions } from "@/lib/format/summarize-permissions";
import { LastUsed } from "./last-used";
import { DetailError, DetailField, DetailSection, PatDetailSheet } from "./pat-detail-sheet";
import { PatOwner } from "./pat-owner";
import type { PatActionSpec, PatViewSpec } from "./pat-view-spec";
import { PatRepositories } from "./pat-repositories";
import { PermissionGroups } from "./permission-groups";
import { TokenExpiry } from "./token-expiry";

function PatDetails<R extends PatResource>({ org, spec, row, error }: { org: string; spec: PatViewSpec<R>; row: PatRows[R]; error: string | undefined }) {
  const summary = useMemo(() => summarizePermissions(row.permissions), [row.permissions]);
  const { panel } = spec;
  return (
    <>
      {error ? (
        <DetailError>
          {panel.failurePrefix} {error}
        </DetailError>
      ) : null}
      {row.gone ? (
        <p role="note" className="mx-5 mb-4 flex items-start gap-2 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-700">
          <ArchiveIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            GitHub no longer lists it: {GONE_REASONS[row.gone.reason].toLowerCase()}, <RelativeTime iso={row.gone.at} /> ({formatDateTime(row.gone.at)}). Kept here as history.
          </span>
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-4 px-5 pb-4">
        <DetailField label="Owner">
          <PatOwner owner={row.owner} />
        </DetailField>
        <DetailField label={panel.sortDate.label}>
          <RelativeTime iso={panel.sortDate.accessor(row)} />
        </DetailField>
        <DetailField label="Expiry">
          <TokenExpiry token={row} />
        </DetailField>
        <DetailField label="Last used">
          <LastUsed iso={row.tokenLastUsedAt} />
        </DetailField>
        {panel.moreFields?.(row)}
      </dl>
      {panel.moreSections?.(row)}
      <DetailSection title="Permissions">
        <PermissionGroups summary={summary} />
      </DetailSection>
      <DetailSection title="Repositories">
        {row.repositorySelection === "all" ? (
          <p className="text-sm text-zinc-700">All repositories of {org}, including ones created later.</p>
        ) : row.repositorySelection === "none" ? (
          <p className="text-sm text-zinc-700">No repositories: organization permissions only.</p>
        ) : (
          <PatRepositories org={org} resource={spec.resource} id={row.id} />
        )}
      </DetailSection>
      <DetailSection title="History in Grantdesk">
        <TargetHistory org={org} resource={spec.resource} id={row.id} />
      </DetailSection>
    </>
  );
}

/**
 * The detail of one request or token, opened from the table (or straight from a shared URL). Its
 * row comes from the loaded list: GitHub has no endpoint for a single request or token.
 */
export function PatDetailPanel<R extends PatResource>({
  org,
  spec,
  id,
  row,
  loading,
  error,
  acting,
  onAct,
  onClose,
  fallbackFocus,
}: {
  org: string;
  spec: PatViewSpec<R>;
  /** The id in the URL. */
  id: number;
  row: PatRows[R] | undefined;
  loading: boolean;
  error: string | undefined;
  acting: boolean;
  onAct: (row: PatRows[R], action: PatActionSpec<PatRows[R]>) => void;
  onClose: () => void;
  /** Focus target when the row that opened the panel has left the table. */
  fallbackFocus: () => HTMLElement | null;
}) {
  const { panel } = spec;
  return (
    <PatDetailSheet
      open
      onClose={onClose}
      fallbackFocus={fallbackFocus}
      kicker={panel.kicker(id, row)}
      title={row ? row.tokenName : loading ? panel.loadingTitle : panel.notFoundTitle}
      description={row ? panel.describe(row) : undefined}
      footer={
        row && !row.gone
          ? // The first action (approve, revoke) last, on the right, where dialogs put their confirm button.
            [...spec.actions].reverse().map((action) => (
              <Button key={action.action} variant={action.tone} disabled={acting} onClick={() => onAct(row, action)}>
                {action.icon}
                {action.verb}…
              </Button>
            ))
          : null
      }
    >
      {row ? <PatDetails org={org} spec={spec} row={row} error={error} /> : loading ? null : <p className="px-5 text-sm text-zinc-600">{panel.notFound(id)}</p>}
    </PatDetailSheet>
  );
}
