import { describe, expect, it } from "vitest";
import { orgFromPath } from "./org-from-path";

describe("orgFromPath", () => {
  it.each([
    ["/orgs/acme/requests", "acme"],
    ["/orgs/Acme-Corp", "Acme-Corp"],
    ["/orgs/%61cme/tokens", "acme"],
    ["/orgs/%E0%A4%A/tokens", null],
    ["/orgs/%/tokens", null],
    ["/orgs/-bad/tokens", null],
    ["/orgs/a%2Fb/tokens", null],
    ["/signin", null],
    [null, null],
  ])("%s → %s", (pathname, org) => {
    expect(orgFromPath(pathname)).toBe(org);
  });
});
