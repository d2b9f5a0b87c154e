"use client";

import { AlertTriangleIcon, CheckCircle2Icon, MailIcon, MessageSquareIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { deleteChannel, patchChannel, postTestMessage } from "@/lib/browser-api/notification-queries";
import type { ChannelView } from "@/lib/contract/notifications";
import { EmailChannelForm } from "./email-channel-form";
import { FormError } from "./form-field";
import { SlackChannelForm } from "./slack-channel-form";
import { useSettingsMutation } from "./use-settings-mutation";

function Target({ channel }: { channel: ChannelView }) {
  if (channel.kind === "slack") return <>Slack webhook · {channel.urlHint}</>;
  const server = channel.smtp.mode === "instance" ? "this server's mail server" : `${channel.smtp.host}:${channel.smtp.port}`;
  return (
    <>
      {channel.recipients.join(", ")} · via {server}
    </>
  );
}

/** The outcome of the channel's latest notification: a failing channel shows here. */
function LastResult({ channel }: { channel: ChannelView }) {
  const last = channel.lastResult;
  if (!last) return <p className="text-xs text-zinc-500">Nothing sent yet.</p>;
  if (last.status === "failed" || (last.status === "queued" && last.error)) {
    return (
      <p className="flex items-start gap-1 text-xs text-red-700">
        <AlertTriangleIcon className="mt-0.5 size-3.5 shrink-0" aria-hidden />
        <span>
          {last.status === "failed" ? "Last send failed" : "Last attempt failed, retrying"} <RelativeTime iso={last.at} />: {last.error}
        </span>
      </p>
    );
  }
  return (
    <p className="flex items-center gap-1 text-xs text-zinc-600">
      <CheckCircle2Icon className="size-3.5 text-emerald-600" aria-hidden />
      Last notification {last.status} <RelativeTime iso={last.at} />
    </p>
  );
}

/** One channel: where it sends, whether it is on, how its last send went, and what can be done with it. */
export function ChannelCard({ org, channel, instanceSmtp }: { org: string; channel: ChannelView; instanceSmtp: boolean }) {
  const [editing, setEditing] = useState(false);
  const toggle = useSettingsMutation(org, (enabled: boolean) => patchChannel(org, channel.id, { kind: channel.kind, enabled }), (saved) => `${saved.name} switched ${saved.enabled ? "on" : "off"}`);
  const remove = useSettingsMutation(org, () => deleteChannel(org, channel.id), () => `${channel.name} removed`);
  const test = useSettingsMutation(org, () => postTestMessage(org, channel.id));
  const sendTest = () =>
    test.mutate(undefined, {
      onSuccess: ({ record }) => {
        if (record.status === "sent") toast.success(`Test message sent to ${channel.name}`);
        else toast.error(`The test message to ${channel.name} failed`, { description: record.error ?? undefined });
      },
    });

  if (editing) {
    return channel.kind === "slack" ? (
      <SlackChannelForm org={org} channel={channel} onDone={() => setEditing(false)} />
    ) : (
      <EmailChannelForm org={org} channel={channel} instanceSmtp={instanceSmtp} onDone={() => setEditing(false)} />
    );
  }
  const Icon = channel.kind === "slack" ? MessageSquareIcon : MailIcon;
  return (
    <li aria-label={channel.name} className="flex flex-col gap-2 rounded-md border border-zinc-200 p-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="flex min-w-0 flex-col gap-1">
        <p className="flex items-center gap-2 text-sm font-medium text-zinc-900">
          <Icon className="size-4 text-zinc-500" aria-hidden />
          {channel.name}
          <Badge>{channel.kind === "slack" ? "Slack" : "Email"}</Badge>
          {channel.enabled ? null : <Badge tone="warning">Off</Badge>}
        </p>
        <p className="truncate text-xs text-zinc-600">
          <Target channel={channel} />
        </p>
        <LastResult channel={channel} />
        <FormError error={toggle.error ?? remove.error ?? test.error} />
      </div>
      <div className="flex shrink-0 flex-wrap gap-1.5">
        <Button size="sm" onClick={sendTest} disabled={test.isPending}>
          {test.isPending ? "Sending…" : "Send a test message"}
        </Button>
        <Button size="sm" onClick={() => toggle.mutate(!channel.enabled)} disabled={toggle.isPending}>
          {channel.enabled ? "Switch off" : "Switch on"}
        </Button>
        <Button size="sm" onClick={() => setEditing(true)}>
          Edit
        </Button>
        <Button size="sm" variant="danger-ghost" onClick={() => remove.mutate(undefined)} disabled={remove.isPending} aria-label={`Remove ${channel.name}`}>
          Remove
        </Button>
      </div>
    </li>
  );
}
