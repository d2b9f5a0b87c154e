"use client";

import { CircleAlertIcon, CircleCheckIcon, TriangleAlertIcon, XIcon } from "lucide-react";
import { useEffect, useState, useSyncExternalStore } from "react";
import { cn } from "@/lib/cn";

// Short notices of what an action did ("Denied 28 requests; 2 failed."), stacked in a corner and
// read out by screen readers. A few lines of our own rather than a toast library: Grantdesk
// needs three tones, a description, a close button and a pause while the pointer or focus is on them.

type ToastTone = "success" | "warning" | "error";

interface ToastItem {
  id: number;
  tone: ToastTone;
  title: string;
  description?: string;
}

/** How long a notice stays; the clock stops while the pointer or keyboard focus is on it. */
const TOAST_DURATION_MS = 6_000;
const NO_TOASTS: ToastItem[] = [];

let toasts: ToastItem[] = NO_TOASTS;
let nextId = 1;
const listeners = new Set<() => void>();

function setToasts(next: ToastItem[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

function show(tone: ToastTone, title: string, options?: { description?: string }) {
  setToasts([...toasts, { id: nextId++, tone, title, description: options?.description }]);
}

function dismiss(id: number) {
  setToasts(toasts.filter((toast) => toast.id !== id));
}

export const toast = {
  success: (title: string, options?: { description?: string }) => show("success", title, options),
  warning: (title: string, options?: { description?: string }) => show("warning", title, options),
  error: (title: string, options?: { description?: string }) => show("error", title, options),
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const tones = {
  success: { className: "border-emerald-200 bg-emerald-50 text-emerald-900", icon: <CircleCheckIcon className="text-emerald-700" aria-hidden /> },
  warning: { className: "border-amber-200 bg-amber-50 text-amber-900", icon: <TriangleAlertIcon className="text-amber-700" aria-hidden /> },
  error: { className: "border-red-200 bg-red-50 text-red-900", icon: <CircleAlertIcon className="text-red-700" aria-hidden /> },
};

function Toast({ toast: { id, tone, title, description } }: { toast: ToastItem }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => dismiss(id), TOAST_DURATION_MS);
    return () => clearTimeout(timer);
  }, [id, paused]);

  return (
    <li
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className={cn("flex items-start gap-2.5 rounded-lg border p-3 text-sm shadow-lg [&_svg]:size-4 [&_svg]:shrink-0", tones[tone].className)}
    >
      <span className="mt-0.5">{tones[tone].icon}</span>
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <p className="font-medium">{title}</p>
        {description ? <p className="opacity-90">{description}</p> : null}
      </div>
      <button
        type="button"
        onClick={() => dismiss(id)}
        aria-label="Close notification"
        className="-m-1 grid size-6 place-items-center rounded opacity-70 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <XIcon aria-hidden />
      </button>
    </li>
  );
}

/**
 * Where toasts appear. The live region is always in the page, so each notice added to it is
 * announced (politely: it never interrupts).
 */
export function Toaster() {
  const items = useSyncExternalStore(subscribe, () => toasts, () => NO_TOASTS);
  return (
    <section aria-label="Notifications" aria-live="polite" aria-relevant="additions text" className="pointer-events-none fixed right-4 bottom-4 z-50 w-[min(22rem,calc(100vw-2rem))]">
      <ol className="flex flex-col gap-2 [&>li]:pointer-events-auto">
        {items.map((item) => (
          <Toast key={item.id} toast={item} />
        ))}
      </ol>
    </section>
  );
}
