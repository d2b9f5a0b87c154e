/** A session lasts 8 hours from sign-in, however active it is: never renewed, only replaced by signing in again. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** What Grantdesk puts in a session token at sign-in (next-auth adds `exp`, `iat`, `jti`). */
export interface SessionClaims {
  login: string;
  githubId: number;
  /** Names this sign-in: what sign-out puts on the deny-list. */
  sid: string;
  /** When the user signed in, in seconds since the epoch: the session ends SESSION_MAX_AGE_SECONDS later. */
  signedInAt: number;
  name?: unknown;
  picture?: unknown;
}

/** The claims of a decoded token, or null when it lacks any (a token from before sessions had them, or not ours). */
export function sessionClaims(token: unknown): SessionClaims | null {
  if (typeof token !== "object" || token === null) return null;
  const { login, githubId, sid, signedInAt, name, picture } = token as Record<string, unknown>;
  if (typeof login !== "string" || typeof githubId !== "number" || typeof sid !== "string" || typeof signedInAt !== "number") return null;
  return { login, githubId, sid, signedInAt, name, picture };
}

/** When the session ends, in seconds since the epoch. */
export function sessionEndsAt(claims: SessionClaims): number {
  return claims.signedInAt + SESSION_MAX_AGE_SECONDS;
}

/** Whether the session is within its 8 hours (and was not signed in "in the future"). */
export function isWithinLifetime(claims: SessionClaims, nowSeconds = Date.now() / 1000): boolean {
  return claims.signedInAt <= nowSeconds + 60 && nowSeconds < sessionEndsAt(claims);
}
