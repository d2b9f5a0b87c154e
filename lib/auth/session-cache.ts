import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";

/** Decoding a session cookie: the user, and when the session ends (seconds since the epoch), or null. */
export type SessionDecoder<User> = () => Promise<{ user: User; expiresAt: number | undefined } | null>;

/**
 * Session cookies already decoded, by a hash of the cookie's value. Decoding one (a key
 * derivation and an AES-GCM decryption) was a tenth of an API call's CPU; the same cookie always
 * decodes to the same user, so it is done once a minute at most, and never past the session's
 * end. Cookies that do not decode are not remembered.
 */
export function createSessionCache<User>({ ttlMs = 60_000, max = 5_000, clock = { now: () => Date.now() } } = {}) {
  const cache = new LRUCache<string, { user: User; until: number }>({ max });
  return async function cachedSession(cookieValue: string, decode: SessionDecoder<User>): Promise<User | null> {
    const key = createHash("sha256").update(cookieValue).digest("base64url");
    const now = clock.now();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.user;
    const session = await decode();
    if (!session) return null;
    const until = Math.min(now + ttlMs, session.expiresAt === undefined ? Infinity : session.expiresAt * 1000);
    if (until > now) cache.set(key, { user: session.user, until });
    return session.user;
  };
}
