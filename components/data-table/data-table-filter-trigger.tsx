"use client";

import { PlusCircleIcon } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/**
 * The toolbar button that opens a filter: dashed while unset, solid with the chosen values while
 * set, so the applied filters can be read at a glance.
 */
export function DataTableFilterTrigger({
  label,
  summary,
  className,
  ...props
}: ComponentProps<"button"> & { label: string; summary: string | null }) {
  return (
    <button
      type="button"
      className={cn(
        "inline-flex h-8 max-w-full items-center gap-1.5 rounded-md border px-2.5 text-sm font-medium whitespace-nowrap shadow-xs transition-colors",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
        summary
          ? "border-indigo-200 bg-indigo-50 text-indigo-900 hover:bg-indigo-100"
          : "border-dashed border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50",
        className,
      )}
      {...props}
    >
      {summary ? null : <PlusCircleIcon className="size-3.5 text-zinc-500" aria-hidden />}
      <span>{label}</span>
      {summary ? (
        <>
          <span className="text-indigo-300" aria-hidden>
            |
          </span>
          <span className="sr-only">:</span>
          <span className="truncate font-normal">{summary}</span>
        </>
      ) : null}
    </button>
  );
}
