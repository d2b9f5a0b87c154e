import { LRUCache } from "lru-cache";

export type OrgAccess = "owner" | "not_owner" | "not_installed";

export interface Membership {
  role: string;
  state: string;
  /** Whose membership it is. */
  userId: number;
}

/** The signed-in user, as far as an owner check needs: GitHub is asked by login, the answer checked by id. */
export interface MemberIdentity {
  login: string;
  id: number;
}

/** Looks a membership up on GitHub: null when the user is not a member; `not_installed` when the app is not on the org. */
export type MembershipLookup = (org: string, login: string) => Promise<Membership | null | "not_installed">;

/** Whether the app is installed on the org, from Grantdesk's own list (no GitHub call). */
export type InstalledCheck = (org: string) => Promise<boolean>;

export interface OrgAccessCheckOptions {
  ttlMs?: number;
  max?: number;
  clock?: { now(): number };
  /** How a refusal of an org without the app is held back (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
  /** Picks one of the recent lookup times (tests pass a fixed choice). */
  random?: () => number;
}

/** Before any membership lookup was timed: about one GitHub round trip. */
const DEFAULT_LOOKUP_MS = 150;
const TIMINGS_KEPT = 64;
const MAX_HOLD_MS = 3_000;

/**
 * Owner checks, cached briefly: a page view costs no membership call, yet a demoted owner loses
 * access within `ttlMs`. Failures (GitHub down, rate limited) are not cached and propagate.
 * Concurrent checks of one org and user share one lookup.
 *
 * An org the app is not installed on (by Grantdesk's list, `installed`) is refused without any
 * GitHub call, so naming orgs at random costs GitHub nothing. That refusal is cached like a
 * membership, and the first one is held back for as long as a membership lookup recently took
 * (one of the last 64 timings, at random): a non-owner cannot tell "not installed" from "not an
 * owner" by how long the answer took, nor by the answer (authorize-request.ts gives both alike).
 *
 * GitHub looks memberships up by login, but a login can change hands: after a rename, someone
 * else may take the old one. A membership therefore counts only when it belongs to the very
 * GitHub user id the session was signed in as; a session whose login now names someone else is
 * not an owner (signing in again picks up the new login).
 */
export function createOrgAccessCheck(lookup: MembershipLookup, installed: InstalledCheck, options: OrgAccessCheckOptions = {}) {
  const { ttlMs = 30_000, max = 10_000, clock = { now: () => performance.now() } } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const timings: number[] = [];

  function lookupTime(): number {
    if (timings.length === 0) return DEFAULT_LOOKUP_MS;
    return Math.min(MAX_HOLD_MS, timings[Math.floor(random() * timings.length)]!);
  }

  async function resolveAccess(org: string, user: MemberIdentity): Promise<OrgAccess> {
    if (!(await installed(org))) {
      await sleep(lookupTime());
      return "not_installed";
    }
    const started = clock.now();
    const membership = await lookup(org, user.login);
    timings.push(clock.now() - started);
    if (timings.length > TIMINGS_KEPT) timings.shift();
    if (membership === "not_installed") return "not_installed";
    return membership?.role === "admin" && membership.state === "active" && membership.userId === user.id ? "owner" : "not_owner";
  }

  const cache = new LRUCache<string, OrgAccess, { org: string; user: MemberIdentity }>({
    max,
    ttl: ttlMs,
    perf: clock,
    fetchMethod: (_key, _stale, { context }) => resolveAccess(context.org, context.user),
  });

  return async function checkOrgAccess(org: string, user: MemberIdentity): Promise<OrgAccess> {
    const key = `${org.toLowerCase()}\n${user.login.toLowerCase()}\n${user.id}`;
    return (await cache.fetch(key, { context: { org, user } }))!;
  };
}
