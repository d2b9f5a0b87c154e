import { describe, expect, it } from "vitest";
import { classifyExpiry } from "./classify-expiry";

const now = new Date("2025-03-12T12:00:00Z");

describe("classifyExpiry", () => {
  it("flags a token GitHub says has expired", () => {
    expect(classifyExpiry({ tokenExpired: true, tokenExpiresAt: "2025-03-09T12:00:00Z" }, now)).toEqual({
      kind: "expired",
      label: "Expired 3 days ago",
      notable: true,
    });
  });

  it("flags a token whose expiry passed after GitHub answered", () => {
    expect(classifyExpiry({ tokenExpired: false, tokenExpiresAt: "2025-03-12T11:00:00Z" }, now).kind).toBe("expired");
  });

  it("says Expired without a date when GitHub sends none", () => {
    expect(classifyExpiry({ tokenExpired: true, tokenExpiresAt: null }, now).label).toBe("Expired");
  });

  it("flags a token that never expires", () => {
    expect(classifyExpiry({ tokenExpired: false, tokenExpiresAt: null }, now)).toEqual({
      kind: "no-expiry",
      label: "No expiry",
      notable: true,
    });
  });

  it("flags a token expiring within 7 days", () => {
    expect(classifyExpiry({ tokenExpired: false, tokenExpiresAt: "2025-03-19T12:00:00Z" }, now)).toEqual({
      kind: "expiring-soon",
      label: "Expires in 7 days",
      notable: true,
    });
  });

  it("lets a token expiring later pass quietly with its date", () => {
    expect(classifyExpiry({ tokenExpired: false, tokenExpiresAt: "2025-03-19T12:00:01Z" }, now)).toEqual({
      kind: "active",
      label: "19 Mar 2025",
      notable: false,
    });
  });
});
