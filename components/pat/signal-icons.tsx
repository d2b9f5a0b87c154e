import { CircleDashedIcon, ClockAlertIcon, GlobeIcon, HourglassIcon, InfinityIcon, PenLineIcon, XCircleIcon } from "lucide-react";
import type { ReactNode } from "react";
import type { HygieneSignalKind } from "@/lib/format/token-hygiene";

/** One icon per hygiene signal, wherever the signal is shown: row badges, quick filters, the overview. */
export const SIGNAL_ICONS: Record<HygieneSignalKind, ReactNode> = {
  expired: <XCircleIcon aria-hidden />,
  "expiring-soon": <ClockAlertIcon aria-hidden />,
  "no-expiry": <InfinityIcon aria-hidden />,
  "never-used": <CircleDashedIcon aria-hidden />,
  unused: <HourglassIcon aria-hidden />,
  elevated: <PenLineIcon aria-hidden />,
  "all-repositories": <GlobeIcon aria-hidden />,
};
