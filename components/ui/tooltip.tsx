"use client";

import { cloneElement, useEffect, useId, useLayoutEffect, useRef, useState, type ReactElement, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { placeFloating } from "./place-floating";

/** Hovering waits this long before a tooltip shows; keyboard focus shows it at once. */
const HOVER_DELAY_MS = 300;
/** A tooltip opened this soon after another closed shows at once: moving along a row of them. */
const SKIP_DELAY_MS = 300;
/** Time for the pointer to cross from the trigger onto the tooltip, which stays open while hovered. */
const LEAVE_GRACE_MS = 100;

let lastClosedAt = 0;

function noteClosed() {
  lastClosedAt = Date.now();
}

function hoverDelay(): number {
  return Date.now() - lastClosedAt < SKIP_DELAY_MS ? 0 : HOVER_DELAY_MS;
}

const looks = {
  /** A short label: light text on dark. */
  label: "max-w-xs bg-zinc-900 px-2.5 py-1.5 text-zinc-50",
  /** Richer content (lists, badges) on a light card; the caller sets its width and padding. */
  card: "bg-white text-zinc-800 ring-1 ring-zinc-200",
};

/**
 * Shows `content` while the (focusable) child is hovered or has keyboard focus, and links it to
 * the child with aria-describedby, so screen readers hear it too. Escape hides it; the pointer can
 * move onto it without it closing. It floats in the top layer, above the table's scroll area.
 */
export function Tooltip({
  content,
  children,
  side = "top",
  look = "label",
  className,
}: {
  content: ReactNode;
  children: ReactElement<{ "aria-describedby"?: string }>;
  side?: "top" | "bottom";
  look?: keyof typeof looks;
  className?: string;
}) {
  const id = useId();
  // The trigger it is shown for; null while hidden.
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const showFor = (target: HTMLElement, delay: number) => {
    window.clearTimeout(timer.current);
    if (delay > 0) timer.current = window.setTimeout(() => setAnchor(target), delay);
    else setAnchor(target);
  };
  const hide = () => {
    window.clearTimeout(timer.current);
    if (anchor) noteClosed();
    setAnchor(null);
  };
  const hideSoon = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(hide, LEAVE_GRACE_MS);
  };

  // The handlers sit on a box-less wrapper around the trigger and the tooltip, so the pointer
  // moving from one to the other stays "inside".
  return (
    <span
      className="contents"
      onPointerEnter={(event) => {
        if (event.pointerType === "touch") return;
        if (anchor) window.clearTimeout(timer.current);
        else showFor(triggerOf(event.currentTarget), hoverDelay());
      }}
      onPointerLeave={hideSoon}
      onPointerDown={hide}
      onFocus={(event) => {
        // Focus that follows a click is not "visible" focus: the click is about the control, not its hint.
        if (event.target.matches(":focus-visible")) showFor(event.target, 0);
      }}
      onBlur={hide}
    >
      {cloneElement(children, { "aria-describedby": anchor ? id : children.props["aria-describedby"] })}
      {anchor ? (
        <TooltipBubble id={id} anchor={anchor} side={side} className={cn("rounded-md text-xs leading-5 shadow-md", looks[look], className)} onDismiss={hide}>
          {content}
        </TooltipBubble>
      ) : null}
    </span>
  );
}

/** The trigger inside the wrapper: its first element child. */
function triggerOf(wrapper: HTMLElement): HTMLElement {
  return wrapper.firstElementChild as HTMLElement;
}

function TooltipBubble({
  id,
  anchor,
  side,
  className,
  onDismiss,
  children,
}: {
  id: string;
  anchor: HTMLElement;
  side: "top" | "bottom";
  className: string;
  onDismiss: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const dismiss = useRef(onDismiss);
  useLayoutEffect(() => {
    dismiss.current = onDismiss;
  });

  // Shown and placed before the browser paints, then kept beside the trigger while the page or
  // the table scrolls.
  useLayoutEffect(() => {
    const bubble = ref.current!;
    const place = () => placeFloating(anchor, bubble, { side, align: "center" });
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") dismiss.current();
    };
    bubble.showPopover();
    place();
    document.addEventListener("keydown", onKeyDown);
    window.addEventListener("scroll", place, { capture: true, passive: true });
    window.addEventListener("resize", place);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("scroll", place, { capture: true });
      window.removeEventListener("resize", place);
    };
  }, [anchor, side]);

  return (
    <div
      ref={ref}
      id={id}
      role="tooltip"
      popover="manual"
      className={cn("inset-auto m-0 overflow-visible", className)}
    >
      {children}
    </div>
  );
}
