import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { connection, type NextRequest } from "next/server";
import { syncAppCredentials } from "@/lib/app-credentials/app-credentials";
import { env } from "@/lib/env";
import { createSessionCache } from "./session-cache";
import { isWithinLifetime, sessionClaims, sessionEndsAt, type SessionClaims } from "./session-claims";
import { isRevokedHere, isSignedOut } from "./session-revocations";

/** The signed-in GitHub user, as Grantdesk knows them. */
export interface SessionUser {
  login: string;
  id: number;
  name: string;
  image: string | null;
}

function toUser(claims: SessionClaims): SessionUser {
  return {
    login: claims.login,
    id: claims.githubId,
    name: typeof claims.name === "string" ? claims.name : claims.login,
    image: typeof claims.picture === "string" ? claims.picture : null,
  };
}

// Decoded cookies are kept 15 s: another instance's sign-out (on the deny-list in the database)
// takes effect here within that; one signed out here, at once (isRevokedHere).
const requestSessions = createSessionCache<{ user: SessionUser; sid: string }>({ ttlMs: 15_000 });

/**
 * The user behind an API request's session cookie, or null: no cookie, tampered, past its 8 hours
 * from sign-in, or signed out (on the deny-list; see isSignedOut for a database outage).
 */
export function getRequestUser(req: NextRequest): Promise<SessionUser | null> {
  return userFromCookies(req.cookies.getAll());
}

/**
 * The user of the page being rendered (server components), or null, on the same rules as
 * getRequestUser. The session cookie is decoded here rather than through next-auth's
 * getServerSession, which also validates next-auth's callback-url cookie and fails the whole page
 * (a 500) when a browser carries one that is not a URL.
 */
export async function getPageUser(): Promise<SessionUser | null> {
  // Per-request by nature: never prerendered at build time, when no secrets are configured.
  await connection();
  await syncAppCredentials();
  return userFromCookies((await cookies()).getAll());
}

async function userFromCookies(all: { name: string; value: string }[]): Promise<SessionUser | null> {
  const config = env();
  // next-auth's cookie name, split into `.0`, `.1`, … when the token is large.
  const name = `${config.appUrl.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
  const chunks = all.filter((entry) => entry.name === name || (entry.name.startsWith(name) && /^\.\d{1,3}$/.test(entry.name.slice(name.length))));
  if (chunks.length === 0) return null;
  const token = chunks
    .map((entry) => ({ index: entry.name === name ? -1 : Number(entry.name.slice(name.length + 1)), value: entry.value }))
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.value)
    .join("");
  const session = await requestSessions(token, async () => {
    const claims = sessionClaims(await decode({ token, secret: config.authSecret }).catch(() => null));
    if (!claims || !isWithinLifetime(claims)) return null;
    if (await isSignedOut(claims.sid)) return null;
    return { user: { user: toUser(claims), sid: claims.sid }, expiresAt: sessionEndsAt(claims) };
  });
  if (!session || isRevokedHere(session.sid)) return null;
  return session.user;
}
