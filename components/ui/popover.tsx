"use client";

import { Suspense, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { cn } from "@/lib/cn";
import { placeFloating } from "./place-floating";

/** What the button that opens a popover must carry (spread it onto a <button>). */
export interface PopoverTriggerProps {
  ref: RefObject<HTMLButtonElement | null>;
  popoverTarget: string;
  "aria-controls": string;
  "aria-expanded": boolean;
  "aria-haspopup": "dialog";
}

/**
 * A panel below its trigger, built on the browser's popover: it sits in the top layer, a click
 * outside or Escape closes it, and focus goes back to the trigger. The content is rendered only
 * while the panel is open (so it may be loaded on first use), and should autofocus its first
 * field. `children` gets a function that closes the panel.
 */
export function Popover({
  trigger,
  label,
  className,
  children,
}: {
  trigger: (props: PopoverTriggerProps) => ReactNode;
  /** Names the panel for assistive technology. */
  label: string;
  /** Width and padding of the panel. */
  className?: string;
  children: (close: () => void) => ReactNode;
}) {
  const id = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const [panel, setPanel] = useState<HTMLDivElement | null>(null);
  const [open, setOpen] = useState(false);

  // The trigger works before React is attached (the browser opens the panel itself); a panel
  // opened that early gets its content once React is. The DOM is the source of truth here.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state the browser changed before hydration
    if (panel?.matches(":popover-open")) setOpen(true);
  }, [panel]);

  // Placed whenever its size changes (the content arriving, a list narrowing) and while the page
  // scrolls. A ResizeObserver runs after layout and before paint, so it never shows out of place.
  useLayoutEffect(() => {
    if (!open || !panel) return;
    const anchor = triggerRef.current!;
    const place = () => placeFloating(anchor, panel, { side: "bottom", align: "start" });
    const observer = new ResizeObserver(place);
    observer.observe(panel);
    window.addEventListener("scroll", place, { capture: true, passive: true });
    window.addEventListener("resize", place);
    return () => {
      observer.disconnect();
      window.removeEventListener("scroll", place, { capture: true });
      window.removeEventListener("resize", place);
    };
  }, [open, panel]);

  return (
    <>
      {trigger({ ref: triggerRef, popoverTarget: id, "aria-controls": id, "aria-expanded": open, "aria-haspopup": "dialog" })}
      <div
        ref={setPanel}
        id={id}
        popover="auto"
        role="dialog"
        aria-label={label}
        // "toggle" comes once the panel is shown (so the content's autofocus works) or hidden (so
        // the browser has already returned focus from the content to the trigger).
        onToggle={(event) => {
          const opened = event.newState === "open";
          setOpen(opened);
          // Where focus was not returned (Safari does not focus a clicked button), the content's
          // removal would drop it on the page: give it to the trigger instead.
          if (!opened && (document.activeElement === null || document.activeElement === document.body)) triggerRef.current?.focus();
        }}
        className={cn(
          "inset-auto m-0 max-w-[calc(100vw-1rem)] overflow-visible rounded-lg border border-zinc-200 bg-white text-sm text-zinc-900 shadow-lg",
          // Empty for a moment while it opens (and while lazy content loads): nothing to show yet.
          "empty:invisible",
          className,
        )}
      >
        {open ? <Suspense fallback={null}>{children(() => panel?.hidePopover())}</Suspense> : null}
      </div>
    </>
  );
}
