import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOrgAccessCheck, type Membership, type MembershipLookup } from "./org-access-cache";

const MONA = { login: "mona", id: 1001 };

describe("createOrgAccessCheck", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const lookupOf = (answers: Record<string, Membership | null | "not_installed">) =>
    vi.fn<MembershipLookup>(async (org, login) => answers[`${org}/${login}`] ?? null);

  it.each([
    [{ role: "admin", state: "active", userId: 1001 }, "owner"],
    [{ role: "admin", state: "pending", userId: 1001 }, "not_owner"],
    [{ role: "member", state: "active", userId: 1001 }, "not_owner"],
    // The login now belongs to another GitHub user (the session's user renamed their account, someone took the name).
    [{ role: "admin", state: "active", userId: 2002 }, "not_owner"],
    [null, "not_owner"],
    ["not_installed", "not_installed"],
  ] as const)("maps %o to %s", async (membership, access) => {
    const check = createOrgAccessCheck(lookupOf({ "acme/mona": membership }));
    expect(await check("acme", MONA)).toBe(access);
  });

  it("asks GitHub once per org and user within the TTL, then again after it", async () => {
    const lookup = lookupOf({ "acme/mona": { role: "admin", state: "active", userId: 1001 } });
    const check = createOrgAccessCheck(lookup, { ttlMs: 30_000, clock: Date });
    await check("acme", MONA);
    await check("ACME", { login: "Mona", id: 1001 });
    expect(lookup).toHaveBeenCalledTimes(1);
    await check("acme", { login: "hubot", id: 1003 });
    expect(lookup).toHaveBeenCalledTimes(2);
    // Same login, another id: never answered from the first user's cached result.
    expect(await check("acme", { login: "mona", id: 2002 })).toBe("not_owner");
    expect(lookup).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(30_001);
    await check("acme", MONA);
    expect(lookup).toHaveBeenCalledTimes(4);
  });

  it("does not cache a failed lookup", async () => {
    const lookup = vi
      .fn<MembershipLookup>()
      .mockRejectedValueOnce(new Error("GitHub unavailable"))
      .mockResolvedValue({ role: "admin", state: "active", userId: 1001 });
    const check = createOrgAccessCheck(lookup);
    await expect(check("acme", MONA)).rejects.toThrow("GitHub unavailable");
    expect(await check("acme", MONA)).toBe("owner");
  });
});
