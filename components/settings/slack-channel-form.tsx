"use client";

import { useId, type FormEvent } from "react";
import { Input } from "@/components/ui/input";
import type { ChannelInput } from "@/lib/browser-api/notification-queries";
import type { SlackChannelView } from "@/lib/contract/notifications";
import { ChannelFormFooter, FormField } from "./form-field";
import { useChannelSave } from "./use-settings-mutation";

/** Adds a Slack channel, or changes one: a saved webhook URL is never shown, only where it points. */
export function SlackChannelForm({ org, channel, onDone }: { org: string; channel?: SlackChannelView; onDone: () => void }) {
  const id = useId();
  const save = useChannelSave(org, channel);

  // onSubmit, not a form action: React resets a form after its action, and a refused one must keep what was typed.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const url = String(form.get("url") ?? "").trim();
    const input: ChannelInput = { kind: "slack", name: String(form.get("name") ?? "") };
    if (url || !channel) input.url = url;
    save.mutate(input, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} aria-label={channel ? `Edit ${channel.name}` : "New Slack channel"} className="flex flex-col gap-3 rounded-md border border-zinc-200 bg-zinc-50 p-4">
      <FormField label="Name" htmlFor={`${id}-name`} hint="How this channel is named here and in the record, e.g. #security-owners.">
        <Input id={`${id}-name`} name="name" required maxLength={80} defaultValue={channel?.name ?? ""} />
      </FormField>
      <FormField
        label="Incoming webhook URL"
        htmlFor={`${id}-url`}
        hint={
          channel
            ? `Saved — posts to ${channel.urlHint}. Leave empty to keep it.`
            : "From Slack: your app → Incoming Webhooks → Add New Webhook to Workspace. https:// only (http:// to this machine, for a local stand-in)."
        }
      >
        <Input id={`${id}-url`} name="url" type="url" required={!channel} autoComplete="off" spellCheck={false} placeholder="https://hooks.slack.com/services/…" />
      </FormField>
      <ChannelFormFooter save={save} editing={channel !== undefined} onCancel={onDone} />
    </form>
  );
}
