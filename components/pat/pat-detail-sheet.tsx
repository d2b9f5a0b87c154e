"use client";

import { AlertCircleIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Dialog, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";

// The detail panel both PAT pages open from a row (or straight from a shared URL): the sheet,
// its header, the states before the row is known, and the pieces its body is built from.

export function DetailField({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="text-sm text-zinc-900">{children}</dd>
    </div>
  );
}

export function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-3 border-t border-zinc-100 px-5 py-4">
      <h3 className="text-sm font-semibold text-zinc-900">{title}</h3>
      {children}
    </section>
  );
}

/** Why the last action on this row failed, above its details. */
export function DetailError({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="mx-5 mb-4 flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      <AlertCircleIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>{children}</span>
    </p>
  );
}

export interface PatDetailSheetProps {
  open: boolean;
  onClose: () => void;
  /** Focus target when the row that opened the panel has left the table. */
  fallbackFocus: () => HTMLElement | null;
  /** A small line above the title: "Request #42". */
  kicker: string;
  title: string;
  description?: string;
  /** The row's details; null while the list loads (a placeholder shows). */
  children: ReactNode;
  /** The row's actions; none until the row is known. */
  footer?: ReactNode;
}

/**
 * The sheet itself. The row comes from the loaded list (GitHub has no endpoint for one request
 * or token), so while the list loads the body is a placeholder, and a row that is not in the
 * list gets the page's own explanation as its body.
 */
export function PatDetailSheet({ open, onClose, fallbackFocus, kicker, title, description, children, footer }: PatDetailSheetProps) {
  return (
    <Dialog open={open} onDismiss={onClose} described={!!description} fallbackFocus={fallbackFocus} variant="sheet">
      <header className="flex flex-col gap-1 px-5 pt-5 pb-4">
        <p className="text-xs font-medium text-zinc-500">{kicker}</p>
        <DialogTitle className="break-all">{title}</DialogTitle>
        {description ? <DialogDescription>{description}</DialogDescription> : null}
      </header>
      {/* Focusable, so a keyboard can scroll it even while it holds nothing focusable (loading, a long history). */}
      <div tabIndex={0} role="region" aria-label="Details" className="flex-1 overflow-y-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600">
        {children ?? (
          <div className="flex flex-col gap-3 px-5" aria-hidden>
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-4 w-64" />
            <Skeleton className="h-4 w-52" />
          </div>
        )}
      </div>
      {footer ? <footer className="flex justify-end gap-2 border-t border-zinc-200 bg-zinc-50 px-5 py-3">{footer}</footer> : null}
    </Dialog>
  );
}
