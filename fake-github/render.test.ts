// Pacific times with their offset, as the PAT endpoints write them, across both DST changes
// (the offset is looked up once per hour, so the hours around a change must still be right).

import { expect, it } from "vitest";
import { pacificTime } from "./render";

it("writes Pacific time with the offset in force, on both sides of each DST change", () => {
  expect(pacificTime(Date.parse("2026-03-08T09:59:59.900Z"))).toBe("2026-03-08T01:59:59.000-08:00");
  expect(pacificTime(Date.parse("2026-03-08T10:00:00Z"))).toBe("2026-03-08T03:00:00.000-07:00");
  expect(pacificTime(Date.parse("2026-11-01T08:59:59Z"))).toBe("2026-11-01T01:59:59.000-07:00");
  expect(pacificTime(Date.parse("2026-11-01T09:00:00Z"))).toBe("2026-11-01T01:00:00.000-08:00");
  expect(pacificTime(Date.parse("2026-11-23T10:04:05Z"))).toBe("2026-11-23T02:04:05.000-08:00");
});
