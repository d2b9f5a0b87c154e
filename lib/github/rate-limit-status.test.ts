import { describe, expect, it } from "vitest";
import { rateLimitStatus } from "./rate-limit-status";

const now = Date.parse("2025-03-12T12:00:00Z");

describe("rateLimitStatus", () => {
  it("is not waiting when the client holds no call", () => {
    expect(rateLimitStatus("acme", { rateLimitedUntil: () => null }, now)).toEqual({ retryInSeconds: null });
  });

  it("counts whole seconds until the wait ends, rounding up", () => {
    expect(rateLimitStatus("acme", { rateLimitedUntil: () => new Date(now + 2_100) }, now)).toEqual({ retryInSeconds: 3 });
  });

  it("says at least one second while the wait is ending", () => {
    expect(rateLimitStatus("acme", { rateLimitedUntil: () => new Date(now + 10) }, now)).toEqual({ retryInSeconds: 1 });
  });
});
