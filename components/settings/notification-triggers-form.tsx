"use client";

import { useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { putTriggers } from "@/lib/browser-api/notification-queries";
import type { TriggerSettings } from "@/lib/contract/notifications";
import { FormError } from "./form-field";
import { useSettingsMutation } from "./use-settings-mutation";

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

function timeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...zones.filter((zone) => zone !== "UTC")];
}

function Trigger({ checked, onChange, label, children }: { checked: boolean; onChange: (on: boolean) => void; label: string; children?: ReactNode }) {
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-800">
      <Checkbox id={id} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

function NumberField({ label, value, min, max, unit, onChange, disabled }: { label: string; value: number; min: number; max: number; unit: string; onChange: (value: number) => void; disabled: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className="w-20">
        <Input aria-label={label} type="number" min={min} max={max} value={Number.isNaN(value) ? "" : value} disabled={disabled} onChange={(event) => onChange(event.target.valueAsNumber)} />
      </span>
      {unit}
    </span>
  );
}

/** What the org is told about, and the daily digest's hour. Triggers switched on now start from now: no backlog is sent. */
export function NotificationTriggersForm({ org, triggers }: { org: string; triggers: TriggerSettings }) {
  const [draft, setDraft] = useState(triggers);
  const zones = useMemo(() => timeZones(), []);
  const zoneListId = useId();
  const save = useSettingsMutation(org, (next: TriggerSettings) => putTriggers(org, next), () => "Notification settings saved");
  const set = <K extends keyof TriggerSettings>(key: K, changes: Partial<TriggerSettings[K]>) => setDraft((current) => ({ ...current, [key]: { ...current[key], ...changes } }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(draft);
  };

  return (
    <form onSubmit={submit} aria-labelledby="triggers-heading" className="flex flex-col gap-3">
      <div>
        <h3 id="triggers-heading" className="text-sm font-semibold text-zinc-900">
          What to notify
        </h3>
        <p className="text-sm text-zinc-600">Switching one on starts from now: what was already due is in the daily digest, not sent one by one.</p>
      </div>
      <Trigger label="A new token request arrives" checked={draft.newRequest.enabled} onChange={(enabled) => set("newRequest", { enabled })} />
      <Trigger label="A request has waited for a review for" checked={draft.pendingRequest.enabled} onChange={(enabled) => set("pendingRequest", { enabled })}>
        <NumberField label="Hours a request waits" value={draft.pendingRequest.hours} min={1} max={720} unit="hours" disabled={!draft.pendingRequest.enabled} onChange={(hours) => set("pendingRequest", { hours })} />
      </Trigger>
      <Trigger label="A token expires within" checked={draft.tokenExpiring.enabled} onChange={(enabled) => set("tokenExpiring", { enabled })}>
        <NumberField label="Days before a token expires" value={draft.tokenExpiring.days} min={1} max={90} unit="days" disabled={!draft.tokenExpiring.enabled} onChange={(days) => set("tokenExpiring", { days })} />
      </Trigger>
      <Trigger label="A bulk job finishes, is cancelled or stops" checked={draft.jobFinished.enabled} onChange={(enabled) => set("jobFinished", { enabled })} />
      <Trigger label="Daily digest at" checked={draft.digest.enabled} onChange={(enabled) => set("digest", { enabled })}>
        <select
          aria-label="Digest hour"
          className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm"
          value={draft.digest.hour}
          disabled={!draft.digest.enabled}
          onChange={(event) => set("digest", { hour: Number(event.target.value) })}
        >
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>
              {String(hour).padStart(2, "0")}:00
            </option>
          ))}
        </select>
        in
        <span className="w-56">
          <Input
            aria-label="Digest time zone"
            list={zoneListId}
            value={draft.digest.timeZone}
            disabled={!draft.digest.enabled}
            onChange={(event) => set("digest", { timeZone: event.target.value })}
          />
        </span>
        <datalist id={zoneListId}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </Trigger>
      <p className="text-xs text-zinc-500">The digest lists pending requests oldest first, tokens expiring within 7 days and tokens newly unused for 90 days.</p>
      <FormError error={save.error} />
      <div>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save notification settings"}
        </Button>
      </div>
    </form>
  );
}
