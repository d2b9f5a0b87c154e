import type { MouseEvent } from "react";

/** A plain left click: a modified one (new tab, new window, download) is left to the browser, as on any link. */
export function isPlainClick(event: MouseEvent): boolean {
  return !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0);
}
