"use client";

import { XIcon } from "lucide-react";
import { useLayoutEffect, useRef, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { useHydrated } from "./use-hydrated";

const variants = {
  /** A centred modal dialog. */
  centered: "m-auto w-[calc(100vw-2rem)] max-w-lg rounded-xl border border-zinc-200 shadow-xl",
  /** A panel along the right edge (full width on a phone). */
  sheet: "m-0 ml-auto h-dvh max-h-none w-full max-w-xl border-l border-zinc-200 shadow-2xl",
};

/** What Tab would reach: the controls a dialog starts its focus on (a focusable scrolling region, marked `data-scroll-region`, is not one). */
const TABBABLE =
  "a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex='-1']):not([data-scroll-region])";

export interface DialogProps {
  open: boolean;
  /**
   * Escape, a press on the backdrop, or the close button: the owner closes the dialog (sets
   * `open` to false) or, while it must stay open (an action in flight), ignores it.
   */
  onDismiss: () => void;
  /** Id of the element that names the dialog (its DialogTitle). */
  labelledBy: string;
  /** Id of the element that describes it, if any. */
  describedBy?: string;
  /**
   * Focus goes back to the control that opened the dialog; this is where it goes instead when
   * that control has gone (a reviewed row left the table).
   */
  fallbackFocus?: () => HTMLElement | null;
  variant: keyof typeof variants;
  children: ReactNode;
}

/**
 * A modal dialog on the browser's <dialog>: showModal() puts it in the top layer and makes the
 * page behind it inert (so focus stays inside), and Escape asks to close it. Rendered only while
 * open, and never on the server: a modal needs script (one opened by the URL shows once React is
 * attached).
 */
export function Dialog({ open, ...props }: DialogProps) {
  const hydrated = useHydrated();
  return open && hydrated ? <OpenDialog {...props} /> : null;
}

function OpenDialog({ onDismiss, labelledBy, describedBy, fallbackFocus, variant, children }: Omit<DialogProps, "open">) {
  const ref = useRef<HTMLDialogElement>(null);
  const latest = useRef({ onDismiss, fallbackFocus });
  useLayoutEffect(() => {
    latest.current = { onDismiss, fallbackFocus };
  });

  useLayoutEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement;
    let mounted = true;
    // The browser may close a modal dialog itself (a second Escape while closing is refused):
    // tell the owner, and show it again if the owner keeps it open.
    const onClose = () => {
      latest.current.onDismiss();
      requestAnimationFrame(() => {
        if (mounted && !dialog.open) dialog.showModal();
      });
    };
    dialog.addEventListener("close", onClose);
    dialog.showModal();
    // The browser would focus the first focusable element, which may be a scrolling region of
    // the content: start at the first control instead, or at the dialog itself.
    (dialog.querySelector<HTMLElement>(TABBABLE) ?? dialog).focus();
    return () => {
      mounted = false;
      dialog.removeEventListener("close", onClose);
      // After the DOM has settled (rows removed, a parent panel closed), back to the opener if it
      // is still there, else (or when it opened from the URL) to the fallback.
      requestAnimationFrame(() => {
        const target = opener instanceof HTMLElement && opener !== document.body && opener.isConnected ? opener : latest.current.fallbackFocus?.();
        target?.focus();
      });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      tabIndex={-1}
      onCancel={(event) => {
        event.preventDefault();
        onDismiss();
      }}
      // The dialog's box is filled by its content, so a press on the dialog element itself is a
      // press on the backdrop around it.
      onPointerDown={(event) => {
        if (event.target === event.currentTarget) onDismiss();
      }}
      className={cn("bg-white p-0 text-zinc-900 backdrop:bg-zinc-950/40 focus:outline-none", variants[variant])}
    >
      <div className={cn("relative", variant === "sheet" ? "flex h-full flex-col" : "p-5")}>
        {children}
        <button
          type="button"
          onClick={onDismiss}
          className="absolute top-3 right-3 grid size-7 place-items-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          aria-label="Close"
        >
          <XIcon className="size-4" aria-hidden />
        </button>
      </div>
    </dialog>
  );
}

export function DialogTitle({ className, ...props }: ComponentProps<"h2"> & { id: string }) {
  return <h2 className={cn("pr-8 text-base font-semibold text-zinc-900", className)} {...props} />;
}

export function DialogDescription({ className, ...props }: ComponentProps<"div"> & { id: string }) {
  return <div className={cn("text-sm text-zinc-600", className)} {...props} />;
}
