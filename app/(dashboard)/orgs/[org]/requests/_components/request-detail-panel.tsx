"use client";

import { CheckIcon, XIcon } from "lucide-react";
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
import type { PatRequestRow } from "@/lib/api/contract";
import type { ReviewAction } from "@/lib/client/review-requests";
import { summarizePermissions } from "@/lib/format/summarize-permissions";

function RequestDetails({ org, request, error }: { org: string; request: PatRequestRow; error: string | undefined }) {
  const summary = useMemo(() => summarizePermissions(request.permissions), [request.permissions]);
  return (
    <>
      {error ? <DetailError>The last review failed: {error}</DetailError> : null}
      <dl className="grid grid-cols-2 gap-4 px-5 pb-4">
        <DetailField label="Owner">
          <PatOwner owner={request.owner} />
        </DetailField>
        <DetailField label="Requested">
          <RelativeTime iso={request.createdAt} />
        </DetailField>
        <DetailField label="Expiry">
          <TokenExpiry token={request} />
        </DetailField>
        <DetailField label="Last used">
          <LastUsed iso={request.tokenLastUsedAt} />
        </DetailField>
        <DetailField label="Reason" className="col-span-2">
          {request.reason ? <p className="whitespace-pre-wrap">{request.reason}</p> : <span className="text-zinc-600 italic">No reason given</span>}
        </DetailField>
      </dl>
      <DetailSection title="Permissions">
        <PermissionGroups summary={summary} />
      </DetailSection>
      <DetailSection title="Repositories">
        {request.repositorySelection === "all" ? (
          <p className="text-sm text-zinc-700">All repositories of {org}, including ones created later.</p>
        ) : request.repositorySelection === "none" ? (
          <p className="text-sm text-zinc-700">No repositories: organization permissions only.</p>
        ) : (
          <PatRepositories org={org} resource="requests" id={request.id} />
        )}
      </DetailSection>
      <DetailSection title="History in Grantdesk">
        <TargetHistory org={org} resource="requests" id={request.id} />
      </DetailSection>
    </>
  );
}

/**
 * The detail of one request, opened from the table (or straight from a shared `?request=`
 * URL). Its row comes from the loaded list: GitHub has no endpoint for a single request.
 */
export function RequestDetailPanel({
  org,
  requestId,
  request,
  loading,
  error,
  reviewing,
  onReview,
  onClose,
  fallbackFocus,
}: {
  org: string;
  requestId: number | null;
  request: PatRequestRow | undefined;
  loading: boolean;
  error: string | undefined;
  reviewing: boolean;
  onReview: (request: PatRequestRow, action: ReviewAction) => void;
  onClose: () => void;
  /** Focus target when the row that opened the panel has left the table. */
  fallbackFocus: () => HTMLElement | null;
}) {
  return (
    <PatDetailSheet
      open={requestId !== null}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
      kicker={`Request #${requestId}`}
      title={request ? request.tokenName : loading ? "Loading request…" : "Request not found"}
      description={request ? `Fine-grained token requested by ${request.owner.login}` : undefined}
      footer={
        request ? (
          <>
            <Button variant="danger" disabled={reviewing} onClick={() => onReview(request, "deny")}>
              <XIcon aria-hidden />
              Deny…
            </Button>
            <Button variant="primary" disabled={reviewing} onClick={() => onReview(request, "approve")}>
              <CheckIcon aria-hidden />
              Approve…
            </Button>
          </>
        ) : null
      }
    >
      {request ? (
        <RequestDetails org={org} request={request} error={error} />
      ) : loading ? null : (
        <p className="px-5 text-sm text-zinc-600">
          Request #{requestId} is not among the requests shown. It may have been reviewed already, or it is on another page or outside the current
          filters.
        </p>
      )}
    </PatDetailSheet>
  );
}
