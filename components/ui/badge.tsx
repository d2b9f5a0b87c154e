import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

// Tones carry meaning, and every badge that signals risk also carries an icon or words, so the
// signal survives without colour.
const tones = {
  neutral: "bg-zinc-100 text-zinc-700 ring-zinc-200",
  warning: "bg-amber-50 text-amber-800 ring-amber-300",
  danger: "bg-red-50 text-red-700 ring-red-200",
} as const;

type BadgeTone = keyof typeof tones;

export function Badge({ tone = "neutral", className, ...props }: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn(
        "inline-flex max-w-full items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset [&_svg]:size-3 [&_svg]:shrink-0",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
