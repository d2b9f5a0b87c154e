import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

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
