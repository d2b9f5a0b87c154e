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

/**
 * Owner checks, cached briefly: a page view costs no membership call, yet a demoted owner loses
 * access within `ttlMs`. Failures (GitHub down, rate limited) are not cached and propagate.
 *
 * GitHub looks memberships up by login, but a login can change hands: after a rename, someone
 * else may take the old one. A membership therefore counts only when it belongs to the very
 * GitHub user id the session was signed in as; a session whose login now names someone else is
 * not an owner (signing in again picks up the new login).
 */
export function createOrgAccessCheck(
  lookup: MembershipLookup,
  { ttlMs = 30_000, max = 10_000, clock = { now: () => performance.now() } }: { ttlMs?: number; max?: number; clock?: { now(): number } } = {},
) {
  const cache = new LRUCache<string, OrgAccess>({ max, ttl: ttlMs, perf: clock });
  return async function checkOrgAccess(org: string, user: MemberIdentity): Promise<OrgAccess> {
    const key = `${org.toLowerCase()}\n${user.login.toLowerCase()}\n${user.id}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const membership = await lookup(org, user.login);
    const access: OrgAccess =
      membership === "not_installed"
        ? "not_installed"
        : membership?.role === "admin" && membership.state === "active" && membership.userId === user.id
          ? "owner"
          : "not_owner";
    cache.set(key, access);
    return access;
  };
}
