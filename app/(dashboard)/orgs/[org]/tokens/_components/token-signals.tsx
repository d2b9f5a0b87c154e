"use client";

import { ShieldAlertIcon } from "lucide-react";
import { SIGNAL_ICONS } from "@/components/pat/signal-icons";
import { Badge } from "@/components/ui/badge";
import { useNow } from "@/components/ui/now";
import { Tooltip } from "@/components/ui/tooltip";
import type { PatTokenRow } from "@/lib/contract/pat-rows";
import { cn } from "@/lib/cn";
import { EXPIRING_SOON_DAYS } from "@/lib/format/classify-expiry";
import { classifyTokenHygiene, UNUSED_DAYS, type HygieneSignal } from "@/lib/format/token-hygiene";

function SignalBadge({ signal }: { signal: HygieneSignal }) {
  const admin = signal.kind === "elevated" && signal.tone === "danger";
  return (
    <Badge tone={signal.tone}>
      {admin ? <ShieldAlertIcon aria-hidden /> : SIGNAL_ICONS[signal.kind]}
      {signal.label}
    </Badge>
  );
}

/**
 * A row's hygiene signals under its token name: one button (one tab stop per row) whose
 * tooltip, on hover or keyboard focus, explains each signal from the token's data. The signal
 * of the marked view stands out.
 */
export function TokenSignalsCell({ token }: { token: PatTokenRow }) {
  const signals = classifyTokenHygiene(token, useNow());
  if (signals.length === 0) return null;
  return (
    <Tooltip side="bottom" look="card" className="w-80 max-w-[calc(100vw-1rem)] p-3" content={<TokenSignalList signals={signals} dense />}>
      <button
        type="button"
        className="-mx-1 -my-0.5 flex max-w-64 flex-wrap gap-1 rounded px-1 py-0.5 text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {signals.map((signal) => (
          <SignalBadge key={signal.kind} signal={signal} />
        ))}
        <span className="sr-only">. Explain these signals</span>
      </button>
    </Tooltip>
  );
}

/** Each signal with its explanation: in the row's tooltip and in the detail panel. */
export function TokenSignalList({ signals, dense = false }: { signals: HygieneSignal[]; dense?: boolean }) {
  return (
    <ul className={cn("flex flex-col", dense ? "gap-2" : "gap-3")}>
      {signals.map((signal) => (
        <li key={signal.kind} className="flex flex-col items-start gap-1">
          <SignalBadge signal={signal} />
          <p className={cn("text-zinc-700", dense ? "text-xs leading-5" : "text-sm")}>{signal.explanation}</p>
        </li>
      ))}
    </ul>
  );
}

/** The hygiene signals of one token, as its detail panel lists them. */
export function TokenSignalDetails({ token }: { token: PatTokenRow }) {
  const signals = classifyTokenHygiene(token, useNow());
  if (signals.length === 0) {
    return (
      <p className="text-sm text-zinc-700">
        None: it expires in more than {EXPIRING_SOON_DAYS} days, was used in the last {UNUSED_DAYS} days, only reads, and does not reach every
        repository.
      </p>
    );
  }
  return <TokenSignalList signals={signals} />;
}
