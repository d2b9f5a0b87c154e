"use client";

import { AlertCircleIcon, CheckIcon, XIcon } from "lucide-react";
import { useMemo, type ReactNode } from "react";
import { LastUsed } from "@/components/pat/last-used";
import { PatOwner } from "@/components/pat/pat-owner";
import { PatRepositories } from "@/components/pat/pat-repositories";
import { PermissionGroups } from "@/components/pat/permission-groups";
import { TokenExpiry } from "@/components/pat/token-expiry";
import { Button } from "@/components/ui/button";
import { Dialog, DialogDescription, DialogTitle, SheetContent } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import type { PatRequestRow } from "@/lib/api/contract";
import type { ReviewAction } from "@/lib/client/review-requests";
import { cn } from "@/lib/cn";
import { summarizePermissions } from "@/lib/format/summarize-permissions";

function Field({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="text-sm text-zinc-900">{children}</dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-3 border-t border-zinc-100 px-5 py-4">
      <h3 className="text-sm font-semibold text-zinc-900">{title}</h3>
      {children}
    </section>
  );
}

function RequestDetails({ org, request, error }: { org: string; request: PatRequestRow; error: string | undefined }) {
  const summary = useMemo(() => summarizePermissions(request.permissions), [request.permissions]);
  return (
    <>
      {error ? (
        <p role="alert" className="mx-5 mb-4 flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <AlertCircleIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
          The last review failed: {error}
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-4 px-5 pb-4">
        <Field label="Owner">
          <PatOwner owner={request.owner} />
        </Field>
        <Field label="Requested">
          <RelativeTime iso={request.createdAt} />
        </Field>
        <Field label="Expiry">
          <TokenExpiry token={request} />
        </Field>
        <Field label="Last used">
          <LastUsed iso={request.tokenLastUsedAt} />
        </Field>
        <Field label="Reason" className="col-span-2">
          {request.reason ? <p className="whitespace-pre-wrap">{request.reason}</p> : <span className="text-zinc-600 italic">No reason given</span>}
        </Field>
      </dl>
      <Section title="Permissions">
        <PermissionGroups summary={summary} />
      </Section>
      <Section title="Repositories">
        {request.repositorySelection === "all" ? (
          <p className="text-sm text-zinc-700">All repositories of {org}, including ones created later.</p>
        ) : request.repositorySelection === "none" ? (
          <p className="text-sm text-zinc-700">No repositories: organization permissions only.</p>
        ) : (
          <PatRepositories org={org} resource="requests" id={request.id} />
        )}
      </Section>
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
  const returnFocus = useReturnFocus(fallbackFocus);
  return (
    <Dialog open={requestId !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent aria-describedby={undefined} {...returnFocus}>
        <header className="flex flex-col gap-1 px-5 pt-5 pb-4">
          <p className="text-xs font-medium text-zinc-500">Request #{requestId}</p>
          <DialogTitle className="break-all">{request ? request.tokenName : loading ? "Loading request…" : "Request not found"}</DialogTitle>
          {request ? <DialogDescription>Fine-grained token requested by {request.owner.login}</DialogDescription> : null}
        </header>
        <div className="flex-1 overflow-y-auto">
          {request ? (
            <RequestDetails org={org} request={request} error={error} />
          ) : loading ? (
            <div className="flex flex-col gap-3 px-5" aria-hidden>
              <Skeleton className="h-4 w-40" />
              <Skeleton className="h-4 w-64" />
              <Skeleton className="h-4 w-52" />
            </div>
          ) : (
            <p className="px-5 text-sm text-zinc-600">
              Request #{requestId} is not among the requests shown. It may have been reviewed already, or it is on another page or outside the current
              filters.
            </p>
          )}
        </div>
        {request ? (
          <footer className="flex justify-end gap-2 border-t border-zinc-200 bg-zinc-50 px-5 py-3">
            <Button variant="danger" disabled={reviewing} onClick={() => onReview(request, "deny")}>
              <XIcon aria-hidden />
              Deny…
            </Button>
            <Button variant="primary" disabled={reviewing} onClick={() => onReview(request, "approve")}>
              <CheckIcon aria-hidden />
              Approve…
            </Button>
          </footer>
        ) : null}
      </SheetContent>
    </Dialog>
  );
}
