import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatRelative } from "./format-date";

const now = new Date("2025-03-12T12:00:00Z");

describe("formatDate", () => {
  it("formats in UTC regardless of the machine's zone", () => {
    expect(formatDate("2025-03-12T23:30:00Z")).toBe("12 Mar 2025");
    expect(formatDateTime("2025-03-12T23:30:00Z")).toBe("12 Mar 2025, 23:30 UTC");
  });
});

describe("formatRelative", () => {
  it.each([
    ["2025-03-12T11:59:30Z", "just now"],
    ["2025-03-12T11:15:00Z", "45 minutes ago"],
    ["2025-03-12T07:00:00Z", "5 hours ago"],
    ["2025-03-11T12:00:00Z", "yesterday"],
    ["2025-03-09T12:00:00Z", "3 days ago"],
    ["2025-03-17T12:00:00Z", "in 5 days"],
    ["2024-12-12T12:00:00Z", "3 months ago"],
    ["2023-03-12T12:00:00Z", "2 years ago"],
  ])("%s is %s", (iso, expected) => {
    expect(formatRelative(iso, now)).toBe(expected);
  });
});
