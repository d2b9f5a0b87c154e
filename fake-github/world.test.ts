// The seeded world: deterministic from the seed, the well-known users and orgs, sizes that scale
// with the token count, and the token categories demos and tests depend on.

import { describe, expect, it } from "vitest";
import { acmeSizes, buildWorld } from "./generate-world";
import { parsePermissionFilter } from "./permissions";
import { DEFAULT_APP_ID, ORGS, USERS, installationOf, type World } from "./world";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-23T12:00:00Z");

const summary = (world: World) =>
  world.orgs.map((org) => ({
    org: org.login,
    requests: org.requests.all().map((r) => [r.id, r.tokenId, r.ownerId, r.tokenName, r.reason, r.repositoryIds.length]),
    grants: org.grants.all().map((g) => [g.id, g.tokenId, g.ownerId, g.tokenName, g.permissions, g.tokenExpiresAt, g.tokenLastUsedAt]),
    members: [...org.members],
  }));

describe("buildWorld", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const a = buildWorld({ seed: 7, requests: 50, tokens: 200, now: NOW });
    const b = buildWorld({ seed: 7, requests: 50, tokens: 200, now: NOW });
    const c = buildWorld({ seed: 8, requests: 50, tokens: 200, now: NOW });
    expect(summary(b)).toEqual(summary(a));
    expect(summary(c)).not.toEqual(summary(a));
  });

  it("keeps globex and initech the same whatever acme's size", () => {
    const small = buildWorld({ seed: 1, requests: 10, tokens: 100, now: NOW });
    const large = buildWorld({ seed: 1, requests: 300, tokens: 1200, now: NOW });
    expect(summary(large).slice(1).map((org) => org.grants)).toEqual(summary(small).slice(1).map((org) => org.grants));
  });

  it("creates the well-known orgs, installations and memberships", () => {
    const world = buildWorld({ seed: 1, requests: 300, tokens: 1200, now: NOW });
    const acme = world.orgByLogin.get("acme")!;
    const globex = world.orgByLogin.get("globex")!;
    const initech = world.orgByLogin.get("initech")!;
    const installationIds = [acme, globex, initech].map((org) => installationOf(world, DEFAULT_APP_ID, org)?.id ?? null);
    expect(installationIds).toEqual([ORGS.acme.installationId, ORGS.globex.installationId, null]);
    expect(acme.members.get(USERS.mona.id)).toEqual({ role: "admin", state: "active" });
    expect(globex.members.get(USERS.mona.id)).toEqual({ role: "admin", state: "active" });
    expect(globex.members.get(USERS.octocat.id)).toEqual({ role: "admin", state: "active" });
    expect(acme.members.get(USERS.octocat.id)).toEqual({ role: "member", state: "active" });
    expect(acme.members.get(USERS.hubot.id)).toEqual({ role: "member", state: "active" });
    expect(globex.members.get(USERS.hubot.id)).toEqual({ role: "member", state: "active" });
    expect(initech.members.get(USERS.billLumbergh.id)?.role).toBe("admin");
    expect(initech.members.get(USERS.peterGibbons.id)?.role).toBe("member");
    expect(initech.members.has(USERS.mona.id)).toBe(false);
    expect(world.userByLogin.get("mona")!.id).toBe(USERS.mona.id);
  });

  it("sizes acme from the token count and globex at its fixed small size", () => {
    const world = buildWorld({ seed: 1, requests: 300, tokens: 1200, now: NOW });
    const acme = world.orgByLogin.get("acme")!;
    expect(acme.counts).toEqual({ pendingRequests: 300, activeTokens: 1200, revokedTokens: 0, reviewedRequests: 0, cancelledRequests: 0 });
    expect(acme.members.size).toBeGreaterThanOrEqual(300);
    expect(acme.repositories.length).toBeGreaterThanOrEqual(500);
    expect(acmeSizes(100_000)).toEqual({ members: 25_000, repositories: 5_000 });
    const globex = world.orgByLogin.get("globex")!;
    expect([globex.counts.pendingRequests, globex.counts.activeTokens, globex.members.size, globex.repositories.length]).toEqual([12, 40, 20, 30]);
  });

  it("has every token category a governance demo needs, mona's and hubot's tokens among them", () => {
    const world = buildWorld({ seed: 1, requests: 300, tokens: 1200, now: NOW });
    const acme = world.orgByLogin.get("acme")!;
    const grants = acme.grants.all();
    const count = (predicate: (g: (typeof grants)[number]) => boolean) => grants.filter(predicate).length;
    expect(count((g) => g.tokenExpiresAt !== null && g.tokenExpiresAt <= NOW)).toBeGreaterThan(0);
    expect(count((g) => g.tokenExpiresAt !== null && g.tokenExpiresAt > NOW && g.tokenExpiresAt <= NOW + 7 * DAY)).toBeGreaterThan(0);
    expect(count((g) => g.tokenExpiresAt === null)).toBeGreaterThan(0);
    expect(count((g) => g.tokenLastUsedAt === null)).toBeGreaterThan(0);
    expect(count((g) => g.tokenLastUsedAt !== null && g.tokenLastUsedAt < NOW - 90 * DAY)).toBeGreaterThan(0);
    expect(count((g) => g.repositorySelection === "all")).toBeGreaterThan(0);
    expect(count((g) => g.repositoryIds.length > 100)).toBeGreaterThanOrEqual(2);
    expect(acme.requests.all().some((r) => r.repositoryIds.length > 100)).toBe(true);
    for (const user of [USERS.mona, USERS.hubot]) {
      expect(count((g) => g.ownerId === user.id)).toBeGreaterThanOrEqual(3);
      expect(acme.requests.all().filter((r) => r.ownerId === user.id).length).toBeGreaterThanOrEqual(3);
    }
    for (const g of grants) {
      expect(g.accessGrantedAt).toBeLessThanOrEqual(NOW);
      if (g.tokenLastUsedAt !== null) expect(g.tokenLastUsedAt).toBeLessThanOrEqual(NOW);
    }
  });

  it("uses GitHub's permission names and levels, with write and admin present", () => {
    const world = buildWorld({ seed: 1, requests: 300, tokens: 1200, now: NOW });
    const levels = new Set<string>();
    for (const record of [...world.orgs[0]!.grants.all(), ...world.orgs[0]!.requests.all()]) {
      for (const map of [record.permissions.organization, record.permissions.repository, record.permissions.other]) {
        for (const [name, level] of Object.entries(map)) {
          expect(parsePermissionFilter(`${name}_${level}`), `${name}_${level}`).not.toBeNull();
          levels.add(level);
        }
      }
    }
    expect([...levels].sort()).toEqual(["admin", "read", "write"]);
  });
});
