/** Keeps floating elements this far from the viewport's edges. */
const EDGE = 8;
/** The gap between an anchor and what floats beside it. */
const GAP = 4;

export interface Placement {
  /** The side tried first; the other is used when only it has room. */
  side: "top" | "bottom";
  align: "start" | "center";
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  width: number;
}

/**
 * Where a floating box of `size` goes beside `anchor` (viewport coordinates): on the preferred
 * side unless only the other side has room, aligned to the anchor's start or centre, and kept
 * inside the viewport.
 */
export function computePlacement(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  { side, align }: Placement,
): { top: number; left: number } {
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - size.height;
  const fitsBelow = below + size.height <= viewport.height - EDGE;
  const fitsAbove = above >= EDGE;
  const top = side === "bottom" ? (fitsBelow || !fitsAbove ? below : above) : fitsAbove || !fitsBelow ? above : below;

  const preferredLeft = align === "start" ? anchor.left : anchor.left + anchor.width / 2 - size.width / 2;
  const left = Math.max(EDGE, Math.min(preferredLeft, viewport.width - EDGE - size.width));
  return { top: Math.max(EDGE, top), left };
}

/**
 * Positions `floating` (a fixed-position element in the top layer: a popover or a tooltip) beside
 * `anchor`. A few lines rather than a positioning library: these only ever sit above or below.
 */
export function placeFloating(anchor: Element, floating: HTMLElement, placement: Placement): void {
  const { top, left } = computePlacement(
    anchor.getBoundingClientRect(),
    { width: floating.offsetWidth, height: floating.offsetHeight },
    { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    placement,
  );
  floating.style.top = `${top}px`;
  floating.style.left = `${left}px`;
}
