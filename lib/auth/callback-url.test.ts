import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeCallbackUrl } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeCallbackPath("/orgs/acme/requests?owner=mona&page=2")).toBe("/orgs/acme/requests?owner=mona&page=2");
    expect(safeCallbackPath(["/orgs/acme/tokens", "/x"])).toBe("/orgs/acme/tokens");
  });

  it.each([undefined, null, "", "https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/signin"])(
    "falls back to / for %s",
    (value) => {
      expect(safeCallbackPath(value)).toBe("/");
    },
  );
});

describe("safeCallbackUrl (next-auth's redirect callback)", () => {
  const base = "https://grantdesk.example";
  it.each([
    ["/orgs/acme/audit?actor=mona", "https://grantdesk.example/orgs/acme/audit?actor=mona"],
    ["https://grantdesk.example/orgs/acme", "https://grantdesk.example/orgs/acme"],
    ["notaurl", "https://grantdesk.example/"],
    ["https://evil.example/orgs/acme", "https://grantdesk.example/"],
    ["//evil.example", "https://grantdesk.example/"],
    ["/orgs/acme\r\nSet-Cookie: x=1", "https://grantdesk.example/"],
    ["", "https://grantdesk.example/"],
    ["/signin", "https://grantdesk.example/"],
  ])("%j → %s", (url, expected) => {
    expect(safeCallbackUrl(url, base)).toBe(expected);
  });
});
