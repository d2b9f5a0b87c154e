"use client";

import { MailIcon, MessageSquareIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { NotificationSettingsView } from "@/lib/contract/notifications";
import { ChannelCard } from "./channel-card";
import { EmailChannelForm } from "./email-channel-form";
import { SlackChannelForm } from "./slack-channel-form";

/** Where the org's notifications go: its Slack and email channels, and forms to add more. */
export function NotificationChannels({ org, settings }: { org: string; settings: NotificationSettingsView }) {
  const [adding, setAdding] = useState<"slack" | "email" | null>(null);
  return (
    <section aria-labelledby="channels-heading" className="flex flex-col gap-3">
      <div>
        <h3 id="channels-heading" className="text-sm font-semibold text-zinc-900">
          Channels
        </h3>
        <p className="text-sm text-zinc-600">Every notification goes to each channel that is switched on. Webhook URLs and passwords are stored encrypted and never shown again.</p>
      </div>
      {settings.channels.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {settings.channels.map((channel) => (
            <ChannelCard key={channel.id} org={org} channel={channel} instanceSmtp={settings.instanceSmtp} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-500">No channel yet: nothing is sent.</p>
      )}
      {adding === "slack" ? <SlackChannelForm org={org} onDone={() => setAdding(null)} /> : null}
      {adding === "email" ? <EmailChannelForm org={org} instanceSmtp={settings.instanceSmtp} onDone={() => setAdding(null)} /> : null}
      {adding === null ? (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => setAdding("slack")}>
            <MessageSquareIcon aria-hidden />
            Add Slack channel
          </Button>
          <Button onClick={() => setAdding("email")}>
            <MailIcon aria-hidden />
            Add email channel
          </Button>
        </div>
      ) : null}
    </section>
  );
}
