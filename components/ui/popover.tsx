"use client";

import * as PopoverPrimitive from "@radix-ui/react-popover";
import { useState, type ReactElement, type ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * A panel below its trigger (Radix): a press outside or Escape closes it and focus goes back to
 * the trigger; on opening, focus moves to its first field. The content is rendered only while
 * open; `children` gets a function that closes the panel.
 */
export function Popover({
  trigger,
  label,
  className,
  children,
}: {
  /** The button that opens it. */
  trigger: ReactElement;
  /** Names the panel for assistive technology. */
  label: string;
  /** Width and padding of the panel. */
  className?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <PopoverPrimitive.Root open={open} onOpenChange={setOpen}>
      <PopoverPrimitive.Trigger asChild>{trigger}</PopoverPrimitive.Trigger>
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          aria-label={label}
          align="start"
          sideOffset={4}
          collisionPadding={8}
          className={cn("z-50 max-w-[calc(100vw-1rem)] rounded-lg border border-zinc-200 bg-white text-sm text-zinc-900 shadow-lg focus:outline-none", className)}
        >
          {children(() => setOpen(false))}
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
}
