import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { connection, type NextRequest } from "next/server";
import { syncAppCredentials } from "@/lib/app-credentials/app-credentials";
import { env } from "@/lib/env";
import { authOptions } from "./options";
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
export async function getRequestUser(req: NextRequest): Promise<SessionUser | null> {
  const config = env();
  const secureCookie = config.appUrl.startsWith("https://");
  // next-auth's cookie name, split into `.0`, `.1`, … when the token is large.
  const name = `${secureCookie ? "__Secure-" : ""}next-auth.session-token`;
  const cookie = req.cookies
    .getAll()
    .filter((entry) => entry.name === name || entry.name.startsWith(`${name}.`))
    .map((entry) => `${entry.name}=${entry.value}`)
    .join("; ");
  if (!cookie) return null;
  const session = await requestSessions(cookie, async () => {
    const claims = sessionClaims(await getToken({ req, secret: config.authSecret, secureCookie }));
    if (!claims || !isWithinLifetime(claims)) return null;
    if (await isSignedOut(claims.sid)) return null;
    return { user: { user: toUser(claims), sid: claims.sid }, expiresAt: sessionEndsAt(claims) };
  });
  if (!session || isRevokedHere(session.sid)) return null;
  return session.user;
}

/**
 * The user of the page being rendered (server components), or null. next-auth runs the `jwt`
 * callback (lib/auth/options.ts), which refuses a session past its 8 hours or signed out.
 */
export async function getPageUser(): Promise<SessionUser | null> {
  // Per-request by nature: never prerendered at build time, when no secrets are configured.
  await connection();
  await syncAppCredentials();
  const session = await getServerSession(authOptions());
  if (!session?.user?.login) return null;
  return session.user;
}
