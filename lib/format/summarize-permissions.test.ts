import { describe, expect, it } from "vitest";
import { summarizePermissions } from "./summarize-permissions";

describe("summarizePermissions", () => {
  it("puts admin before write before read, organization before repository", () => {
    const summary = summarizePermissions({
      organization: { members: "read", organization_projects: "admin" },
      repository: { metadata: "read", contents: "write", issues: "write" },
      other: {},
    });
    expect(summary.entries.map((entry) => `${entry.name}:${entry.level}`)).toEqual([
      "organization_projects:admin",
      "contents:write",
      "issues:write",
      "members:read",
      "metadata:read",
    ]);
    expect(summary.elevated.map((entry) => entry.name)).toEqual(["organization_projects", "contents", "issues"]);
    expect(summary.highest).toBe("admin");
  });

  it("groups by organization, repository and other, skipping empty groups", () => {
    const summary = summarizePermissions({
      organization: {},
      repository: { pull_requests: "read", actions: "read" },
      other: { blocking: "read" },
    });
    expect(summary.groups.map((group) => group.title)).toEqual(["Repository", "Other"]);
    expect(summary.groups[0]?.entries.map((entry) => entry.label)).toEqual(["Actions", "Pull requests"]);
    expect(summary.highest).toBe("read");
    expect(summary.elevated).toEqual([]);
  });

  it("reports write as the highest level when nothing is admin", () => {
    expect(summarizePermissions({ organization: { members: "write" }, repository: {}, other: {} }).highest).toBe("write");
  });

  it("handles a request with no permissions", () => {
    const summary = summarizePermissions({ organization: {}, repository: {}, other: {} });
    expect(summary.highest).toBe("none");
    expect(summary.entries).toEqual([]);
  });

  it("keeps levels GitHub may add later verbatim without calling them elevated", () => {
    const summary = summarizePermissions({ organization: {}, repository: { contents: "triage" }, other: {} });
    expect(summary.entries[0]).toMatchObject({ level: "triage", elevated: false });
  });
});
