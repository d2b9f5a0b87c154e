"use client";

import { useId, useState, type FormEvent } from "react";
import { Input, Textarea } from "@/components/ui/input";
import type { ChannelInput } from "@/lib/browser-api/notification-queries";
import type { EmailChannelView, SmtpSecurity } from "@/lib/contract/notifications";
import { ChannelFormFooter, FormField } from "./form-field";
import { useChannelSave } from "./use-settings-mutation";

const SECURITY_LABELS: Record<SmtpSecurity, string> = {
  tls: "TLS (usually port 465)",
  starttls: "STARTTLS (usually port 587)",
  none: "None — only for a server on this machine",
};

/** "a@x.example, b@y.example" or one per line → addresses. */
const splitAddresses = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter(Boolean);

/**
 * Adds an email channel, or changes one: recipients, and either this server's mail server
 * (SMTP_URL) or one of the org's own. A saved password is never shown; left empty, it is kept.
 */
export function EmailChannelForm({ org, channel, instanceSmtp, onDone }: { org: string; channel?: EmailChannelView; instanceSmtp: boolean; onDone: () => void }) {
  const id = useId();
  const saved = channel?.smtp.mode === "custom" ? channel.smtp : null;
  const [mode, setMode] = useState<"instance" | "custom">(channel?.smtp.mode ?? (instanceSmtp ? "instance" : "custom"));
  const save = useChannelSave(org, channel);

  // onSubmit, not a form action: React resets a form after its action, and a refused one must keep what was typed.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const password = String(form.get("password") ?? "");
    const smtp: Extract<ChannelInput, { kind: "email" }>["smtp"] =
      mode === "instance"
        ? { mode: "instance" }
        : {
            mode: "custom",
            host: text("host"),
            port: Number(text("port")),
            security: text("security") as SmtpSecurity,
            username: text("username") || null,
            ...(password ? { password } : {}),
            from: text("from"),
          };
    save.mutate({ kind: "email", name: text("name"), recipients: splitAddresses(text("recipients")), smtp }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} aria-label={channel ? `Edit ${channel.name}` : "New email channel"} className="flex flex-col gap-3 rounded-md border border-zinc-200 bg-zinc-50 p-4">
      <FormField label="Name" htmlFor={`${id}-name`}>
        <Input id={`${id}-name`} name="name" required maxLength={80} defaultValue={channel?.name ?? ""} />
      </FormField>
      <FormField label="Recipients" htmlFor={`${id}-recipients`} hint="Email addresses, separated by commas or one per line (at most 20).">
        <Textarea id={`${id}-recipients`} name="recipients" required defaultValue={channel?.recipients.join("\n") ?? ""} />
      </FormField>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-zinc-800">Mail server</legend>
        <label className="flex items-center gap-2 text-sm text-zinc-800">
          <input type="radio" name="mode" value="instance" checked={mode === "instance"} disabled={!instanceSmtp} onChange={() => setMode("instance")} />
          This server&apos;s mail server{instanceSmtp ? "" : " (none: SMTP_URL is not set)"}
        </label>
        <label className="flex items-center gap-2 text-sm text-zinc-800">
          <input type="radio" name="mode" value="custom" checked={mode === "custom"} onChange={() => setMode("custom")} />
          Another SMTP server
        </label>
      </fieldset>
      {mode === "custom" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label="Host" htmlFor={`${id}-host`}>
            <Input id={`${id}-host`} name="host" required defaultValue={saved?.host ?? ""} placeholder="smtp.example.com" />
          </FormField>
          <FormField label="Port" htmlFor={`${id}-port`}>
            <Input id={`${id}-port`} name="port" type="number" required min={1} max={65535} defaultValue={saved?.port ?? 587} />
          </FormField>
          <FormField label="Security" htmlFor={`${id}-security`}>
            <select id={`${id}-security`} name="security" defaultValue={saved?.security ?? "starttls"} className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm">
              {(Object.keys(SECURITY_LABELS) as SmtpSecurity[]).map((value) => (
                <option key={value} value={value}>
                  {SECURITY_LABELS[value]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Sender" htmlFor={`${id}-from`} hint='"Grantdesk <grantdesk@example.com>" or just the address.'>
            <Input id={`${id}-from`} name="from" required defaultValue={saved?.from ?? ""} />
          </FormField>
          <FormField label="User name" htmlFor={`${id}-username`} hint="Leave empty if the server takes mail without signing in.">
            <Input id={`${id}-username`} name="username" autoComplete="off" defaultValue={saved?.username ?? ""} />
          </FormField>
          <FormField label="Password" htmlFor={`${id}-password`} hint={saved?.passwordSet ? "Saved. Leave empty to keep it." : undefined}>
            <Input id={`${id}-password`} name="password" type="password" autoComplete="new-password" />
          </FormField>
        </div>
      ) : null}
      <ChannelFormFooter save={save} editing={channel !== undefined} onCancel={onDone} />
    </form>
  );
}
