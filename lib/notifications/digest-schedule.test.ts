import { describe, expect, it } from "vitest";
import { dueDigest, localDate, zonedInstant } from "./digest-schedule";

describe("zonedInstant", () => {
  it("turns a local date and hour into the instant, in and out of summer time", () => {
    expect(zonedInstant("2026-11-30", 9, "UTC").toISOString()).toBe("2026-11-30T09:00:00.000Z");
    expect(zonedInstant("2026-11-30", 9, "Europe/Berlin").toISOString()).toBe("2026-11-30T08:00:00.000Z");
    expect(zonedInstant("2026-07-01", 9, "Europe/Berlin").toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(zonedInstant("2026-11-30", 9, "America/Los_Angeles").toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(zonedInstant("2026-11-30", 0, "Asia/Kolkata").toISOString()).toBe("2026-11-29T18:30:00.000Z");
  });

  it("on the day clocks skip the hour, takes the hour after", () => {
    // 29 Mar 2026, Berlin: 02:00 → 03:00.
    expect(zonedInstant("2026-03-29", 2, "Europe/Berlin").toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });
});

describe("localDate", () => {
  it("is the date where the org is, not in UTC", () => {
    const at = new Date("2026-11-30T23:30:00Z");
    expect(localDate(at, "UTC")).toBe("2026-11-30");
    expect(localDate(at, "Europe/Berlin")).toBe("2026-12-01");
    expect(localDate(at, "America/Los_Angeles")).toBe("2026-11-30");
  });
});

describe("dueDigest", () => {
  const settings = { hour: 9, timeZone: "Europe/Berlin", since: new Date("2026-11-01T00:00:00Z") };

  it("is due from its hour on, for that local day", () => {
    expect(dueDigest(settings, new Date("2026-11-30T07:59:00Z"))).toBeNull();
    expect(dueDigest(settings, new Date("2026-11-30T08:00:00Z"))).toEqual({ date: "2026-11-30", scheduledAt: new Date("2026-11-30T08:00:00Z") });
    expect(dueDigest(settings, new Date("2026-11-30T15:00:00Z"))?.date).toBe("2026-11-30");
  });

  it("is not sent late: 12 hours after its hour the day is skipped", () => {
    expect(dueDigest(settings, new Date("2026-11-30T20:00:00Z"))).toBeNull();
  });

  it("switched on after today's hour, starts tomorrow", () => {
    const late = { ...settings, since: new Date("2026-11-30T10:00:00Z") };
    expect(dueDigest(late, new Date("2026-11-30T10:05:00Z"))).toBeNull();
    expect(dueDigest(late, new Date("2026-12-01T08:00:00Z"))?.date).toBe("2026-12-01");
  });
});
