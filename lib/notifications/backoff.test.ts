import { describe, expect, it } from "vitest";
import { afterFailure, backoffDelay, MAX_ATTEMPTS } from "./backoff";

describe("backoffDelay", () => {
  it("grows fourfold from 30 s and stops at 30 minutes", () => {
    const middle = (attempt: number) => backoffDelay(attempt, { random: 0.5 });
    expect([1, 2, 3, 4, 5, 6].map(middle)).toEqual([30_000, 120_000, 480_000, 1_800_000, 1_800_000, 1_800_000]);
  });

  it("spreads retries by ±20 %", () => {
    expect(backoffDelay(1, { random: 0 })).toBe(24_000);
    expect(backoffDelay(1, { random: 0.999999 })).toBeCloseTo(36_000, -1);
  });

  it("waits as long as Slack's Retry-After asks, up to an hour", () => {
    expect(backoffDelay(1, { random: 0.5, retryAfterMs: 90_000 })).toBe(90_000);
    expect(backoffDelay(1, { random: 0.5, retryAfterMs: 1_000 })).toBe(30_000);
    expect(backoffDelay(1, { random: 0.5, retryAfterMs: 10 * 60 * 60_000 })).toBe(60 * 60_000);
  });
});

describe("afterFailure", () => {
  const now = Date.parse("2026-11-30T12:00:00Z");
  const transient = { message: "Slack answered 503", retryable: true };

  it("queues another attempt until the last one, then records the failure", () => {
    expect(afterFailure(1, MAX_ATTEMPTS, transient, now, { random: 0.5 })).toEqual({ status: "queued", nextAttemptAt: new Date(now + 30_000) });
    expect(afterFailure(MAX_ATTEMPTS - 1, MAX_ATTEMPTS, transient, now, { random: 0.5 }).status).toBe("queued");
    expect(afterFailure(MAX_ATTEMPTS, MAX_ATTEMPTS, transient, now)).toEqual({ status: "failed" });
  });

  it("fails at once when no retry can help (a deleted webhook, a refused password)", () => {
    expect(afterFailure(1, MAX_ATTEMPTS, { message: "Slack answered 404 (no_service)", retryable: false }, now)).toEqual({ status: "failed" });
  });
});
