import { LRUCache } from "lru-cache";

export type OrgAccess = "owner" | "not_owner" | "not_installed";

export interface Membership {
  role: string;
  state: string;
}

/** Looks a membership up on GitHub: null when the user is not a member; `not_installed` when the app is not on the org. */
export type MembershipLookup = (org: string, login: string) => Promise<Membership | null | "not_installed">;

/**
 * Owner checks, cached briefly: a page view costs no membership call, yet a demoted owner loses
 * access within `ttlMs`. Failures (GitHub down, rate limited) are not cached and propagate.
 */
export function createOrgAccessCheck(
  lookup: MembershipLookup,
  { ttlMs = 30_000, max = 10_000, clock = { now: () => performance.now() } }: { ttlMs?: number; max?: number; clock?: { now(): number } } = {},
) {
  const cache = new LRUCache<string, OrgAccess>({ max, ttl: ttlMs, perf: clock });
  return async function checkOrgAccess(org: string, login: string): Promise<OrgAccess> {
    const key = `${org.toLowerCase()}\n${login.toLowerCase()}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const membership = await lookup(org, login);
    const access: OrgAccess =
      membership === "not_installed"
        ? "not_installed"
        : membership?.role === "admin" && membership.state === "active"
          ? "owner"
          : "not_owner";
    cache.set(key, access);
    return access;
  };
}
