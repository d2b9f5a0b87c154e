import { describe, expect, it } from "vitest";
import { computePlacement } from "./place-floating";

const viewport = { width: 1000, height: 800 };
// A 100 × 20 trigger at (400, 300).
const anchor = { top: 300, bottom: 320, left: 400, width: 100 };
const size = { width: 200, height: 150 };

describe("computePlacement", () => {
  it("puts the box below, start-aligned, 4 px from the anchor", () => {
    expect(computePlacement(anchor, size, viewport, { side: "bottom", align: "start" })).toEqual({ top: 324, left: 400 });
  });

  it("puts the box above, centred, when asked", () => {
    expect(computePlacement(anchor, size, viewport, { side: "top", align: "center" })).toEqual({ top: 146, left: 350 });
  });

  it("flips to the other side when only that side has room", () => {
    const low = { ...anchor, top: 700, bottom: 720 };
    expect(computePlacement(low, size, viewport, { side: "bottom", align: "start" }).top).toBe(546);
    const high = { ...anchor, top: 20, bottom: 40 };
    expect(computePlacement(high, size, viewport, { side: "top", align: "start" }).top).toBe(44);
  });

  it("stays on the preferred side when neither side has room, never above the viewport's edge", () => {
    const tall = { width: 200, height: 700 };
    expect(computePlacement(anchor, tall, viewport, { side: "bottom", align: "start" }).top).toBe(324);
    expect(computePlacement(anchor, tall, viewport, { side: "top", align: "start" }).top).toBe(8);
  });

  it("keeps the box inside the viewport sideways", () => {
    expect(computePlacement({ ...anchor, left: 900 }, size, viewport, { side: "bottom", align: "start" }).left).toBe(792);
    expect(computePlacement({ ...anchor, left: 0, width: 20 }, size, viewport, { side: "bottom", align: "center" }).left).toBe(8);
  });
});
