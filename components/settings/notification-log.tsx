"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { notificationRecordsQuery } from "@/lib/browser-api/notification-queries";
import type { NotificationRecord, NotificationStatus, NotificationTrigger } from "@/lib/contract/notifications";

const TRIGGER_LABELS: Record<NotificationTrigger, string> = {
  new_request: "New request",
  pending_request: "Waiting request",
  token_expiring: "Expiring token",
  job_finished: "Bulk job",
  digest: "Digest",
  test: "Test",
};

const STATUS_LABELS: Record<NotificationStatus, string> = { queued: "Queued", sending: "Sending", sent: "Sent", failed: "Failed", skipped: "Not sent" };

function Outcome({ record }: { record: NotificationRecord }) {
  const tone = record.status === "failed" ? "danger" : record.status === "queued" && record.error ? "warning" : "neutral";
  return (
    <div className="flex flex-col gap-0.5">
      <span>
        <Badge tone={tone}>{STATUS_LABELS[record.status]}</Badge>
        {record.attempts > 1 || record.status === "failed" ? (
          <span className="ml-1.5 text-xs text-zinc-500">
            {record.attempts} of {record.maxAttempts} attempts
          </span>
        ) : null}
      </span>
      {record.error ? <span className="text-xs text-zinc-600">{record.error}</span> : null}
      {record.status === "queued" && record.nextAttemptAt && record.attempts > 0 ? (
        <span className="text-xs text-zinc-500">
          Next attempt <RelativeTime iso={record.nextAttemptAt} />
        </span>
      ) : null}
    </div>
  );
}

/** Every notification sent or tried for the org, newest first: what, to whom, when, and how it went. */
export function NotificationLog({ org }: { org: string }) {
  const [page, setPage] = useState(1);
  const records = useQuery(notificationRecordsQuery(org, page));
  return (
    <section aria-labelledby="log-heading" className="flex flex-col gap-3">
      <h3 id="log-heading" className="text-sm font-semibold text-zinc-900">
        Recent notifications
      </h3>
      {records.error ? <InlineError what="The notifications" message={records.error.message} onRetry={() => void records.refetch()} /> : null}
      {records.data && records.data.items.length === 0 ? <p className="text-sm text-zinc-500">None yet.</p> : null}
      {records.data && records.data.items.length > 0 ? (
        <div className="overflow-x-auto rounded-md border border-zinc-200">
          <table className="w-full text-left text-sm" aria-label="Recent notifications">
            <thead className="bg-zinc-50 text-xs text-zinc-600">
              <tr>
                <th className="px-3 py-2 font-medium">When</th>
                <th className="px-3 py-2 font-medium">What</th>
                <th className="px-3 py-2 font-medium">Channel</th>
                <th className="px-3 py-2 font-medium">To</th>
                <th className="px-3 py-2 font-medium">Outcome</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {records.data.items.map((record) => (
                <tr key={record.id} className="align-top">
                  <td className="px-3 py-2 whitespace-nowrap text-zinc-600">
                    <RelativeTime iso={record.sentAt ?? record.createdAt} />
                  </td>
                  <td className="px-3 py-2">
                    <span className="text-xs text-zinc-500">{TRIGGER_LABELS[record.trigger]}</span>
                    <br />
                    {record.summary}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{record.channel.name}</td>
                  <td className="max-w-56 truncate px-3 py-2 text-zinc-600" title={record.recipient}>
                    {record.recipient}
                  </td>
                  <td className="px-3 py-2">
                    <Outcome record={record} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {records.data && records.data.lastPage !== null && records.data.lastPage > 1 ? (
        <div className="flex items-center gap-2 text-sm text-zinc-600">
          <Button size="sm" onClick={() => setPage((current) => current - 1)} disabled={page <= 1}>
            Newer
          </Button>
          Page {page} of {records.data.lastPage}
          <Button size="sm" onClick={() => setPage((current) => current + 1)} disabled={!records.data.hasNextPage}>
            Older
          </Button>
        </div>
      ) : null}
    </section>
  );
}
