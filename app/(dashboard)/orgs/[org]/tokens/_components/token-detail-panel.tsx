"use client";

import { BanIcon } from "lucide-react";
import { useMemo } from "react";
import { TargetHistory } from "@/components/audit/target-history";
import { LastUsed } from "@/components/pat/last-used";
import { DetailError, DetailField, DetailSection, PatDetailSheet } from "@/components/pat/pat-detail-sheet";
import { PatOwner } from "@/components/pat/pat-owner";
import { PatRepositories } from "@/components/pat/pat-repositories";
import { PermissionGroups } from "@/components/pat/permission-groups";
import { TokenExpiry } from "@/components/pat/token-expiry";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { PatTokenRow } from "@/lib/api/contract";
import { summarizePermissions } from "@/lib/format/summarize-permissions";
import { TokenSignalDetails } from "./token-signals";

function TokenDetails({ org, token, error }: { org: string; token: PatTokenRow; error: string | undefined }) {
  const summary = useMemo(() => summarizePermissions(token.permissions), [token.permissions]);
  return (
    <>
      {error ? <DetailError>The last revoke failed: {error}</DetailError> : null}
      <dl className="grid grid-cols-2 gap-4 px-5 pb-4">
        <DetailField label="Owner">
          <PatOwner owner={token.owner} />
        </DetailField>
        <DetailField label="Access granted">
          <RelativeTime iso={token.accessGrantedAt} />
        </DetailField>
        <DetailField label="Expiry">
          <TokenExpiry token={token} />
        </DetailField>
        <DetailField label="Last used">
          <LastUsed iso={token.tokenLastUsedAt} />
        </DetailField>
      </dl>
      <DetailSection title="Hygiene signals">
        <TokenSignalDetails token={token} />
      </DetailSection>
      <DetailSection title="Permissions">
        <PermissionGroups summary={summary} />
      </DetailSection>
      <DetailSection title="Repositories">
        {token.repositorySelection === "all" ? (
          <p className="text-sm text-zinc-700">All repositories of {org}, including ones created later.</p>
        ) : token.repositorySelection === "none" ? (
          <p className="text-sm text-zinc-700">No repositories: organization permissions only.</p>
        ) : (
          <PatRepositories org={org} resource="tokens" id={token.id} />
        )}
      </DetailSection>
      <DetailSection title="History in Grantdesk">
        <TargetHistory org={org} resource="tokens" id={token.id} />
      </DetailSection>
    </>
  );
}

/**
 * The detail of one token, opened from the table (or straight from a shared `?token=` URL).
 * Its row comes from the loaded list: GitHub has no endpoint for a single token.
 */
export function TokenDetailPanel({
  org,
  tokenId,
  token,
  loading,
  error,
  revoking,
  onRevoke,
  onClose,
  fallbackFocus,
}: {
  org: string;
  /** The grant id in the URL. */
  tokenId: number | null;
  token: PatTokenRow | undefined;
  loading: boolean;
  error: string | undefined;
  revoking: boolean;
  onRevoke: (token: PatTokenRow) => void;
  onClose: () => void;
  /** Focus target when the row that opened the panel has left the table. */
  fallbackFocus: () => HTMLElement | null;
}) {
  return (
    <PatDetailSheet
      open={tokenId !== null}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
      kicker={token ? `Token #${token.tokenId} · grant #${token.id}` : `Grant #${tokenId}`}
      title={token ? token.tokenName : loading ? "Loading token…" : "Token not found"}
      description={token ? `Fine-grained token owned by ${token.owner.login}` : undefined}
      footer={
        token ? (
          <Button variant="danger" disabled={revoking} onClick={() => onRevoke(token)}>
            <BanIcon aria-hidden />
            Revoke…
          </Button>
        ) : null
      }
    >
      {token ? (
        <TokenDetails org={org} token={token} error={error} />
      ) : loading ? null : (
        <p className="px-5 text-sm text-zinc-600">
          Grant #{tokenId} is not among the tokens shown. It may have been revoked already, or it is on another page or outside the current filters.
        </p>
      )}
    </PatDetailSheet>
  );
}
