import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const app = "https://grantdesk.example.com";
const check = (headers: Record<string, string>) => isSameOriginRequest(new Headers(headers), app);

describe("isSameOriginRequest", () => {
  it("accepts the app's own origin", () => {
    expect(check({ origin: app, "sec-fetch-site": "same-origin" })).toBe(true);
    expect(check({ origin: app })).toBe(true);
    expect(check({ "sec-fetch-site": "same-origin" })).toBe(true);
  });

  it.each([
    [{ origin: "https://evil.example" }],
    [{ origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    [{ origin: app, "sec-fetch-site": "cross-site" }],
    [{ "sec-fetch-site": "same-site" }],
    [{ origin: "null" }],
    [{}],
  ])("refuses %o", (headers) => {
    expect(check(headers)).toBe(false);
  });
});
