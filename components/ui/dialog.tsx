"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { XIcon } from "lucide-react";
import { useRef, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/lib/cn";

const variants = {
  /** A centred modal dialog. */
  centered: "top-1/2 left-1/2 w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 rounded-xl border border-zinc-200 p-5 shadow-xl",
  /** A panel along the right edge (full width on a phone). */
  sheet: "inset-y-0 right-0 flex w-full max-w-xl flex-col border-l border-zinc-200 shadow-2xl",
};

export interface DialogProps {
  open: boolean;
  /**
   * Escape, a press outside, or the close button: the owner closes the dialog (sets `open` to
   * false) or, while it must stay open (an action in flight), ignores it.
   */
  onDismiss: () => void;
  /** Whether the content has a DialogDescription; without one nothing describes the dialog. */
  described: boolean;
  /**
   * Focus goes back to the control that opened the dialog; this is where it goes instead when
   * that control has gone (a reviewed row left the table) or the dialog opened from the URL.
   */
  fallbackFocus?: () => HTMLElement | null;
  variant: keyof typeof variants;
  children: ReactNode;
}

/**
 * A modal dialog (Radix): Tab and Shift+Tab stay inside it, the page behind is hidden from
 * assistive technology and does not scroll, Escape or a press outside asks to close it. Its
 * content is named by a DialogTitle and rendered only in the browser, while open.
 */
export function Dialog({ open, onDismiss, described, fallbackFocus, variant, children }: DialogProps) {
  const opener = useRef<Element | null>(null);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={(next) => !next && onDismiss()}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-zinc-950/40" />
        <DialogPrimitive.Content
          {...(described ? {} : { "aria-describedby": undefined })}
          onOpenAutoFocus={() => {
            opener.current = document.activeElement;
          }}
          // Radix would return focus to a Dialog.Trigger; these dialogs open from the page's own
          // buttons, from a row, or from the URL.
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            const previous = opener.current;
            const target = previous instanceof HTMLElement && previous !== document.body && previous.isConnected ? previous : fallbackFocus?.();
            target?.focus();
          }}
          className={cn("fixed z-50 bg-white text-zinc-900 focus:outline-none", variants[variant])}
        >
          {children}
          <DialogPrimitive.Close
            aria-label="Close"
            className="absolute top-3 right-3 grid size-7 place-items-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <XIcon className="size-4" aria-hidden />
          </DialogPrimitive.Close>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

export function DialogTitle({ className, ...props }: ComponentProps<typeof DialogPrimitive.Title>) {
  return <DialogPrimitive.Title className={cn("pr-8 text-base font-semibold text-zinc-900", className)} {...props} />;
}

/** A block (not Radix's <p>), so a description may hold paragraphs of its own. */
export function DialogDescription({ className, ...props }: ComponentProps<"div">) {
  return (
    <DialogPrimitive.Description asChild>
      <div className={cn("text-sm text-zinc-600", className)} {...props} />
    </DialogPrimitive.Description>
  );
}
