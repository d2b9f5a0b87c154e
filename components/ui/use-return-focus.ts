"use client";

import { useRef } from "react";

/**
 * Focus handling for a dialog whose opener may disappear while it is open (a reviewed row leaves
 * the table). On close, focus goes back to the opener if it is still there, else to `fallback`.
 * It waits a frame so the DOM has settled (rows removed, a parent panel closed) before choosing.
 */
export function useReturnFocus(fallback?: () => HTMLElement | null) {
  const opener = useRef<Element | null>(null);
  return {
    onOpenAutoFocus: () => {
      opener.current = document.activeElement;
    },
    onCloseAutoFocus: (event: Event) => {
      event.preventDefault();
      const previous = opener.current;
      requestAnimationFrame(() => {
        const target = previous instanceof HTMLElement && previous.isConnected ? previous : fallback?.();
        target?.focus();
      });
    },
  };
}
