import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOrgAccessCheck, type Membership, type MembershipLookup } from "./org-access-cache";

describe("createOrgAccessCheck", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const lookupOf = (answers: Record<string, Membership | null | "not_installed">) =>
    vi.fn<MembershipLookup>(async (org, login) => answers[`${org}/${login}`] ?? null);

  it.each([
    [{ role: "admin", state: "active" }, "owner"],
    [{ role: "admin", state: "pending" }, "not_owner"],
    [{ role: "member", state: "active" }, "not_owner"],
    [null, "not_owner"],
    ["not_installed", "not_installed"],
  ] as const)("maps %o to %s", async (membership, access) => {
    const check = createOrgAccessCheck(lookupOf({ "acme/mona": membership }));
    expect(await check("acme", "mona")).toBe(access);
  });

  it("asks GitHub once per org and user within the TTL, then again after it", async () => {
    const lookup = lookupOf({ "acme/mona": { role: "admin", state: "active" } });
    const check = createOrgAccessCheck(lookup, { ttlMs: 30_000, clock: Date });
    await check("acme", "mona");
    await check("ACME", "Mona");
    expect(lookup).toHaveBeenCalledTimes(1);
    await check("acme", "hubot");
    expect(lookup).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(30_001);
    await check("acme", "mona");
    expect(lookup).toHaveBeenCalledTimes(3);
  });

  it("does not cache a failed lookup", async () => {
    const lookup = vi.fn<MembershipLookup>().mockRejectedValueOnce(new Error("GitHub unavailable")).mockResolvedValue({ role: "admin", state: "active" });
    const check = createOrgAccessCheck(lookup);
    await expect(check("acme", "mona")).rejects.toThrow("GitHub unavailable");
    expect(await check("acme", "mona")).toBe("owner");
  });
});
