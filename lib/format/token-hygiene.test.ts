import { describe, expect, it } from "vitest";
import { classifyTokenHygiene, type HygieneInput } from "./token-hygiene";

const now = new Date("2025-03-12T12:00:00Z");

/** A token with nothing to flag: expires in a month, used yesterday, read-only, a few repositories. */
const clean: HygieneInput = {
  tokenExpired: false,
  tokenExpiresAt: "2025-04-12T12:00:00Z",
  tokenLastUsedAt: "2025-03-11T12:00:00Z",
  accessGrantedAt: "2024-10-01T09:00:00Z",
  permissions: { organization: {}, repository: { metadata: "read", contents: "read" }, other: {} },
  repositorySelection: "subset",
};

const kinds = (token: Partial<HygieneInput>) => classifyTokenHygiene({ ...clean, ...token }, now).map((signal) => signal.kind);

describe("classifyTokenHygiene", () => {
  it("flags nothing on a healthy token", () => {
    expect(classifyTokenHygiene(clean, now)).toEqual([]);
  });

  it("flags an expired token by its date, or by GitHub's flag when the date is missing", () => {
    const [signal] = classifyTokenHygiene({ ...clean, tokenExpiresAt: "2025-03-09T12:00:00Z" }, now);
    expect(signal).toEqual({
      kind: "expired",
      label: "Expired",
      explanation: "Expired 3 days ago (9 Mar 2025, 12:00 UTC). It no longer authenticates, but its grant stays listed until it is revoked.",
      tone: "danger",
    });
    expect(kinds({ tokenExpired: true, tokenExpiresAt: null })).toEqual(["expired"]);
  });

  it("flags a token expiring within 7 days, not one expiring in 8", () => {
    const [signal] = classifyTokenHygiene({ ...clean, tokenExpiresAt: "2025-03-19T12:00:00Z" }, now);
    expect(signal).toMatchObject({ kind: "expiring-soon", label: "Expires soon", tone: "warning" });
    expect(signal?.explanation).toBe("Expires in 7 days (19 Mar 2025, 12:00 UTC). If it is still needed, its owner has to renew it.");
    expect(kinds({ tokenExpiresAt: "2025-03-20T12:00:00Z" })).toEqual([]);
  });

  it("flags a token that never expires", () => {
    expect(kinds({ tokenExpiresAt: null })).toEqual(["no-expiry"]);
  });

  it("flags a never-used token, saying how long ago access was granted", () => {
    const [signal] = classifyTokenHygiene({ ...clean, tokenLastUsedAt: null }, now);
    expect(signal).toMatchObject({ kind: "never-used", label: "Never used" });
    expect(signal?.explanation).toBe("Never used since access was granted 5 months ago (1 Oct 2024).");
  });

  it("flags a token unused for 90 days or more, not 89", () => {
    const [signal] = classifyTokenHygiene({ ...clean, tokenLastUsedAt: "2024-12-12T12:00:00Z" }, now);
    expect(signal).toMatchObject({ kind: "unused", label: "Unused 90 days" });
    expect(signal?.explanation).toBe("Not used for 90 days: last used 12 Dec 2024. A token idle for 90 days or more is likely forgotten.");
    expect(kinds({ tokenLastUsedAt: "2024-12-12T12:00:01Z" })).toEqual([]);
  });

  it("flags write access as a warning and admin access as danger, naming the permissions", () => {
    const write = classifyTokenHygiene({ ...clean, permissions: { organization: {}, repository: { contents: "write", metadata: "read" }, other: {} } }, now);
    expect(write).toEqual([
      { kind: "elevated", label: "Write access", explanation: "Can change things, not just read them: Contents (write).", tone: "warning" },
    ]);

    const admin = classifyTokenHygiene(
      {
        ...clean,
        permissions: {
          organization: { organization_projects: "admin", members: "write" },
          repository: { contents: "write", issues: "write", pull_requests: "write" },
          other: {},
        },
      },
      now,
    );
    expect(admin).toEqual([
      {
        kind: "elevated",
        label: "Admin access",
        explanation: "Can change things, not just read them: Organization projects (admin), Members (write), Contents (write) and 2 more.",
        tone: "danger",
      },
    ]);
  });

  it("flags access to all repositories, not a subset or none", () => {
    expect(kinds({ repositorySelection: "all" })).toEqual(["all-repositories"]);
    expect(kinds({ repositorySelection: "none" })).toEqual([]);
  });

  it("lists several signals in a fixed order: expiry, use, access", () => {
    expect(
      kinds({
        tokenExpiresAt: null,
        tokenLastUsedAt: null,
        repositorySelection: "all",
        permissions: { organization: {}, repository: { administration: "write" }, other: {} },
      }),
    ).toEqual(["no-expiry", "never-used", "elevated", "all-repositories"]);
  });
});
