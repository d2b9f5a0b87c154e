import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOrgAccessCheck, type InstalledCheck, type Membership, type MembershipLookup } from "./org-access-cache";

const MONA = { login: "mona", id: 1001 };

describe("createOrgAccessCheck", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const lookupOf = (answers: Record<string, Membership | null | "not_installed">) =>
    vi.fn<MembershipLookup>(async (org, login) => answers[`${org}/${login}`] ?? null);
  const installedOn = (...orgs: string[]) => vi.fn<InstalledCheck>(async (org) => orgs.includes(org.toLowerCase()));
  const noWait = { sleep: async () => undefined };

  it.each([
    [{ role: "admin", state: "active", userId: 1001 }, "owner"],
    [{ role: "admin", state: "pending", userId: 1001 }, "not_owner"],
    [{ role: "member", state: "active", userId: 1001 }, "not_owner"],
    // The login now belongs to another GitHub user (the session's user renamed their account, someone took the name).
    [{ role: "admin", state: "active", userId: 2002 }, "not_owner"],
    [null, "not_owner"],
    // Uninstalled since Grantdesk's list was refreshed.
    ["not_installed", "not_installed"],
  ] as const)("maps %o to %s", async (membership, access) => {
    const check = createOrgAccessCheck(lookupOf({ "acme/mona": membership }), installedOn("acme"), noWait);
    expect(await check("acme", MONA)).toBe(access);
  });

  it("refuses an org missing from the list of installations without asking GitHub, and remembers it", async () => {
    const lookup = lookupOf({});
    const installed = installedOn("acme");
    const check = createOrgAccessCheck(lookup, installed, noWait);
    expect(await check("initech", MONA)).toBe("not_installed");
    expect(await check("INITECH", MONA)).toBe("not_installed");
    expect(lookup).not.toHaveBeenCalled();
    expect(installed).toHaveBeenCalledTimes(1);
  });

  it("answers 'not installed' no faster than a recent membership lookup took", async () => {
    const clock = { now: () => Date.now() };
    const slowLookup = vi.fn<MembershipLookup>(async () => {
      await new Promise((resolve) => setTimeout(resolve, 240));
      return null;
    });
    const sleep = vi.fn(async (ms: number) => void (await new Promise((resolve) => setTimeout(resolve, ms))));
    const check = createOrgAccessCheck(slowLookup, installedOn("acme"), { clock, sleep, random: () => 0 });

    const member = check("acme", MONA);
    await vi.advanceTimersByTimeAsync(240);
    expect(await member).toBe("not_owner");

    let answered = false;
    void check("initech", MONA).then(() => (answered = true));
    await vi.advanceTimersByTimeAsync(200);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(40);
    expect(answered).toBe(true);
    expect(sleep).toHaveBeenCalledWith(240);
  });

  it("asks GitHub once per org and user within the TTL, then again after it", async () => {
    const lookup = lookupOf({ "acme/mona": { role: "admin", state: "active", userId: 1001 } });
    const check = createOrgAccessCheck(lookup, installedOn("acme"), { ttlMs: 30_000, clock: Date });
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

  it("shares one lookup between concurrent checks of the same org and user", async () => {
    const lookup = lookupOf({ "acme/mona": { role: "admin", state: "active", userId: 1001 } });
    const check = createOrgAccessCheck(lookup, installedOn("acme"), noWait);
    const answers = await Promise.all(Array.from({ length: 20 }, () => check("acme", MONA)));
    expect(new Set(answers)).toEqual(new Set(["owner"]));
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it("does not cache a failed lookup", async () => {
    const lookup = vi
      .fn<MembershipLookup>()
      .mockRejectedValueOnce(new Error("GitHub unavailable"))
      .mockResolvedValue({ role: "admin", state: "active", userId: 1001 });
    const check = createOrgAccessCheck(lookup, installedOn("acme"), noWait);
    await expect(check("acme", MONA)).rejects.toThrow("GitHub unavailable");
    expect(await check("acme", MONA)).toBe("owner");
  });
});
