import { describe, expect, it } from "vitest";
import type { FilterOption } from "./data-table-types";
import { matchOptions } from "./match-options";

const options: FilterOption[] = [
  { value: "issues_read", label: "Issues: read", group: "Repository" },
  { value: "issues_write", label: "Issues: write", group: "Repository" },
  { value: "members_write", label: "Members: write", group: "Organization" },
];

describe("matchOptions", () => {
  it("returns everything for an empty query", () => {
    expect(matchOptions(options, "  ")).toEqual(options);
  });

  it("needs every word to match, in any field, ignoring case", () => {
    expect(matchOptions(options, "WRITE iss").map((option) => option.value)).toEqual(["issues_write"]);
    expect(matchOptions(options, "organization").map((option) => option.value)).toEqual(["members_write"]);
    expect(matchOptions(options, "issues_read").map((option) => option.value)).toEqual(["issues_read"]);
  });

  it("puts an exact value or label match first", () => {
    const withPrefixed = [{ value: "organization_secrets_write", label: "Organization secrets: write" }, ...options, { value: "secrets_write", label: "Secrets: write" }];
    expect(matchOptions(withPrefixed, "secrets_write").map((option) => option.value)).toEqual(["secrets_write", "organization_secrets_write"]);
    expect(matchOptions(withPrefixed, "Secrets: write")[0]?.value).toBe("secrets_write");
  });

  it("finds nothing when a word matches nowhere", () => {
    expect(matchOptions(options, "issues admin")).toEqual([]);
  });
});
