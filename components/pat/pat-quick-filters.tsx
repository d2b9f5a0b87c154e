"use client";

import type { ReactNode } from "react";
import type { ListFacets, ListState, SignalFilter } from "@/lib/contract/inventory";
import { cn } from "@/lib/cn";
import { UNUSED_DAYS } from "@/lib/format/token-hygiene";
import type { PatListParams } from "@/lib/search-params/pat-list";
import { SIGNAL_ICONS } from "./signal-icons";

// One-click org-wide filters for what owners look for (GitHub's own API can filter by none of
// these but last use), each with how many of the current matches it would keep.

const SIGNALS: { signal: SignalFilter; label: string; icon: ReactNode }[] = [
  { signal: "expired", label: "Expired", icon: SIGNAL_ICONS.expired },
  { signal: "expiring-7", label: "Expiring within 7 days", icon: SIGNAL_ICONS["expiring-soon"] },
  { signal: "expiring-30", label: "Expiring within 30 days", icon: SIGNAL_ICONS["expiring-soon"] },
  { signal: "no-expiry", label: "No expiry", icon: SIGNAL_ICONS["no-expiry"] },
  { signal: "never-used", label: "Never used", icon: SIGNAL_ICONS["never-used"] },
  { signal: "elevated", label: "Write or admin", icon: SIGNAL_ICONS.elevated },
  { signal: "all-repositories", label: "All repositories", icon: SIGNAL_ICONS["all-repositories"] },
];

const STATES: { state: ListState; label: string }[] = [
  { state: "active", label: "Current" },
  { state: "gone", label: "Gone (history)" },
  { state: "all", label: "All" },
];

const numbers = new Intl.NumberFormat("en");

function Chip({ pressed, onClick, icon, label, count }: { pressed: boolean; onClick: () => void; icon: ReactNode; label: string; count: number | undefined }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      aria-label={count === undefined ? label : `${label}: ${numbers.format(count)}`}
      onClick={onClick}
      className={cn(
        "inline-flex h-7 shrink-0 items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium whitespace-nowrap transition-colors [&_svg]:size-3.5",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
        pressed ? "border-indigo-600 bg-indigo-600 text-white hover:bg-indigo-500" : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50",
      )}
    >
      {icon}
      {label}
      {count === undefined ? null : <span className={cn("tabular-nums", pressed ? "text-indigo-100" : "text-zinc-500")}>{numbers.format(count)}</span>}
    </button>
  );
}

export function PatQuickFilters({
  params,
  facets,
  onChange,
}: {
  params: PatListParams;
  facets: ListFacets | undefined;
  onChange: (changes: Partial<PatListParams>) => void;
}) {
  const toggle = (signal: SignalFilter) =>
    onChange({ signal: params.signal.includes(signal) ? params.signal.filter((other) => other !== signal) : [...params.signal, signal] });
  return (
    <section aria-label="Quick filters" className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
      {/* On a phone the chips scroll sideways rather than stack into a wall. */}
      <div role="group" aria-label="Signals" className="-mx-4 flex items-center gap-2 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:overflow-visible sm:px-0 sm:pb-0">
        {SIGNALS.map(({ signal, label, icon }) => (
          <Chip key={signal} pressed={params.signal.includes(signal)} onClick={() => toggle(signal)} icon={icon} label={label} count={facets?.signals[signal]} />
        ))}
        <Chip
          pressed={params.unused === UNUSED_DAYS}
          onClick={() => onChange({ unused: params.unused === UNUSED_DAYS ? null : UNUSED_DAYS })}
          icon={SIGNAL_ICONS.unused}
          label={`Unused for ${UNUSED_DAYS} days`}
          count={facets?.unusedFor90Days}
        />
      </div>
      <div role="group" aria-label="Show" className="flex shrink-0 items-center rounded-md border border-zinc-300 bg-white p-0.5 text-xs font-medium sm:ml-auto">
        {STATES.map(({ state, label }) => (
          <button
            key={state}
            type="button"
            aria-pressed={params.state === state}
            onClick={() => onChange({ state })}
            className={cn(
              "rounded px-2 py-1 focus-visible:outline-2 focus-visible:outline-indigo-600",
              params.state === state ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-100",
            )}
          >
            {label}
          </button>
        ))}
      </div>
    </section>
  );
}
