"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { InlineError } from "@/components/ui/inline-error";
import { Skeleton } from "@/components/ui/skeleton";
import { TARGET_HISTORY_LIMIT, targetHistoryQuery } from "@/lib/browser-api/audit-queries";
import type { PatResource } from "@/lib/contract/pat-rows";
import { ACTING_IDENTITY_LABELS } from "@/lib/format/audit-wording";
import { AuditActionBadge, AuditOutcome } from "./audit-badges";

/** What Grantdesk's owners did to this request or token, from the audit trail, newest first. */
export function TargetHistory({ org, resource, id }: { org: string; resource: PatResource; id: number }) {
  const query = useQuery(targetHistoryQuery(org, resource, id));

  if (query.isPending) {
    return (
      <div role="status" aria-busy aria-label="Loading history" className="flex flex-col gap-2">
        <Skeleton className="h-4 w-56" />
        <Skeleton className="h-4 w-40" />
      </div>
    );
  }

  if (query.isError) return <InlineError what="History" message={query.error.message} onRetry={() => void query.refetch()} />;

  const records = query.data.items;
  if (records.length === 0) {
    return <p className="text-sm text-zinc-600">Nobody has acted on this {resource === "requests" ? "request" : "token"} through Grantdesk yet.</p>;
  }
  return (
    <div className="flex flex-col gap-3">
      <ol className="flex flex-col gap-3" aria-label="History">
        {records.map((record) => (
          <li key={record.batchId} className="flex flex-col gap-1.5 rounded-md border border-zinc-200 p-3">
            <div className="flex flex-wrap items-center gap-2 text-sm text-zinc-700">
              <AuditActionBadge action={record.action} />
              <span>
                by <span className="font-medium text-zinc-900">{record.actor.login}</span> {ACTING_IDENTITY_LABELS[record.actedAs]}
              </span>
              <span className="text-zinc-500">
                · <RelativeTime iso={record.at} />
              </span>
            </div>
            {record.reason ? <p className="text-sm whitespace-pre-wrap text-zinc-800">“{record.reason}”</p> : null}
            <AuditOutcome record={record} />
          </li>
        ))}
      </ol>
      {query.data.hasNextPage ? (
        <Link href={`/orgs/${org}/audit`} prefetch={false} className="text-sm font-medium text-indigo-700 hover:underline">
          Only the latest {TARGET_HISTORY_LIMIT} are shown: see the audit trail
        </Link>
      ) : null}
    </div>
  );
}
