"use client";

import * as TooltipPrimitive from "@radix-ui/react-tooltip";
import type { ReactElement, ReactNode } from "react";
import { cn } from "@/lib/cn";

/** Hovering waits 300 ms before a tooltip shows; the next one along a row shows at once. */
export function TooltipProvider({ children }: { children: ReactNode }) {
  return <TooltipPrimitive.Provider delayDuration={300}>{children}</TooltipPrimitive.Provider>;
}

const looks = {
  /** A short label: light text on dark. */
  label: "max-w-xs bg-zinc-900 px-2.5 py-1.5 text-zinc-50",
  /** Richer content (lists, badges) on a light card; the caller sets its width and padding. */
  card: "bg-white text-zinc-800 ring-1 ring-zinc-200",
};

/**
 * Shows `content` while the (focusable) child is hovered or has keyboard focus, linked to it
 * with aria-describedby so screen readers hear it too (Radix). Escape hides it; the pointer can
 * move onto it without it closing.
 */
export function Tooltip({
  content,
  children,
  side = "top",
  look = "label",
  className,
}: {
  content: ReactNode;
  children: ReactElement;
  side?: "top" | "bottom";
  look?: keyof typeof looks;
  className?: string;
}) {
  return (
    <TooltipPrimitive.Root>
      <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
      <TooltipPrimitive.Portal>
        <TooltipPrimitive.Content
          side={side}
          sideOffset={4}
          collisionPadding={8}
          className={cn("z-50 rounded-md text-xs leading-5 shadow-md", looks[look], className)}
        >
          {content}
        </TooltipPrimitive.Content>
      </TooltipPrimitive.Portal>
    </TooltipPrimitive.Root>
  );
}
