"use client";

import { useQuery } from "@tanstack/react-query";
import { CheckCircle2Icon, ClockIcon } from "lucide-react";
import { InlineError } from "@/components/ui/inline-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { webhookStatusQuery } from "@/lib/browser-api/webhook-queries";
import type { WebhookStatus } from "@/lib/contract/webhooks";

const OUTCOME_WORDS: Record<NonNullable<WebhookStatus["lastDelivery"]>["outcome"], string> = {
  processing: "being applied",
  processed: "applied",
  ignored: "ignored",
  deferred: "left to the next sync",
};

/**
 * How the org's inventory learns of changes: from GitHub's webhook deliveries as they happen (and
 * when the last one arrived), or from the periodic sync alone — and, for the second, what to set
 * up to get the first. Re-read when a delivery arrives (LiveUpdates).
 */
export function WebhookStatusPanel({ org }: { org: string }) {
  const { data, error, refetch } = useQuery(webhookStatusQuery(org));
  if (error) return <InlineError what="The webhook status" message={error.message} onRetry={() => void refetch()} />;
  if (!data) return <Skeleton className="h-28 w-full" />;
  return (
    <div className="flex flex-col gap-4 text-sm text-zinc-700">
      <Mode status={data} />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="text-zinc-500">Webhook URL</dt>
        <dd>
          <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs break-all">{data.webhookUrl}</code>
        </dd>
        <dt className="text-zinc-500">Webhook secret</dt>
        <dd>{data.secretConfigured ? "Set" : "Not set"}</dd>
        <dt className="text-zinc-500">Deliveries, last 7 days</dt>
        <dd>{data.deliveriesLast7Days}</dd>
        <dt className="text-zinc-500">Periodic sync</dt>
        <dd>
          Pending requests every {seconds(data.syncIntervalSeconds.requests)}, tokens every {seconds(data.syncIntervalSeconds.tokens)} — always on, so
          nothing is missed if a delivery is.
        </dd>
      </dl>
      {data.mode === "periodic" ? <SetUp status={data} /> : null}
    </div>
  );
}

function Mode({ status }: { status: WebhookStatus }) {
  const last = status.lastDelivery;
  if (status.mode === "webhooks") {
    return (
      <div role="status" className="flex items-start gap-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-emerald-900">
        <CheckCircle2Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
        <p>
          <strong>Webhooks:</strong> changes on GitHub reach Grantdesk as they happen. Last delivery received <RelativeTime iso={status.lastDeliveryAt!} />
          {last ? (
            <>
              {" "}
              ({last.event}
              {last.action ? ` ${last.action}` : ""}, {OUTCOME_WORDS[last.outcome]}
              {last.detail ? `: ${last.detail}` : ""})
            </>
          ) : null}
          .
        </p>
      </div>
    );
  }
  return (
    <div role="status" className="flex items-start gap-2 rounded-md border border-zinc-200 bg-zinc-50 p-3 text-zinc-800">
      <ClockIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <p>
        <strong>Periodic sync only</strong> — {status.secretConfigured ? "no webhook delivery received yet" : "no webhook secret configured"}. New requests show
        within {seconds(status.syncIntervalSeconds.requests)}.
      </p>
    </div>
  );
}

function SetUp({ status }: { status: WebhookStatus }) {
  return (
    <div className="flex flex-col gap-1 text-zinc-600">
      <p>To see requests the moment they are made, in the GitHub App&apos;s settings:</p>
      <ol className="list-decimal pl-5">
        <li>
          Set <em>Webhook URL</em> to the URL above (it must be reachable from GitHub) and tick <em>Active</em>.
        </li>
        <li>
          Set <em>Webhook secret</em> to a long random value, and give Grantdesk the same value as <code>GITHUB_WEBHOOK_SECRET</code>
          {status.secretConfigured ? " (done)" : ""}.
        </li>
        <li>
          Under <em>Permissions &amp; events</em>, subscribe to <em>Personal access token request</em>.
        </li>
      </ol>
    </div>
  );
}

function seconds(total: number): string {
  if (total < 120) return `${total} s`;
  if (total < 7200) return `${Math.round(total / 60)} min`;
  return `${Math.round(total / 3600)} h`;
}
