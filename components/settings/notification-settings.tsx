"use client";

import { useQuery } from "@tanstack/react-query";
import { SendIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { Skeleton } from "@/components/ui/skeleton";
import { notificationSettingsQuery, postDigestNow } from "@/lib/browser-api/notification-queries";
import { FormError } from "./form-field";
import { NotificationChannels } from "./notification-channels";
import { NotificationLog } from "./notification-log";
import { NotificationTriggersForm } from "./notification-triggers-form";
import { useSettingsMutation } from "./use-settings-mutation";

/** The org's notifications: channels, triggers and digest, "Send digest now", and the record of what was sent. */
export function NotificationSettings({ org }: { org: string }) {
  const settings = useQuery(notificationSettingsQuery(org));
  const digest = useSettingsMutation(org, () => postDigestNow(org), (result) => `Digest queued for ${result.queued} channel${result.queued === 1 ? "" : "s"}`);

  return (
    <section aria-labelledby="notifications-heading" className="flex flex-col gap-6 rounded-lg border border-zinc-200 bg-white p-5 shadow-xs">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="notifications-heading" className="text-base font-semibold text-zinc-900">
            Notifications
          </h2>
          <p className="text-sm text-zinc-600">Tell the org&apos;s owners in Slack or by email when something needs them.</p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <Button onClick={() => digest.mutate(undefined)} disabled={digest.isPending || !settings.data?.channels.some((channel) => channel.enabled)}>
            <SendIcon aria-hidden />
            {digest.isPending ? "Queuing…" : "Send digest now"}
          </Button>
          <FormError error={digest.error} />
        </div>
      </div>
      {settings.error ? <InlineError what="The notification settings" message={settings.error.message} onRetry={() => void settings.refetch()} /> : null}
      {settings.isPending ? <Skeleton className="h-40" /> : null}
      {settings.data ? (
        <>
          <NotificationChannels org={org} settings={settings.data} />
          <NotificationTriggersForm key={settings.data.updatedAt ?? "defaults"} org={org} triggers={settings.data.triggers} />
        </>
      ) : null}
      <NotificationLog org={org} />
    </section>
  );
}
