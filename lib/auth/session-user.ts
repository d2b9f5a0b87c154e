import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { connection, type NextRequest } from "next/server";
import { syncAppCredentials } from "@/lib/app-credentials/app-credentials";
import { env } from "@/lib/env";
import { authOptions } from "./options";
import { createSessionCache } from "./session-cache";

/** The signed-in GitHub user, as Grantdesk knows them. */
export interface SessionUser {
  login: string;
  id: number;
  name: string;
  image: string | null;
}

function toUser(token: { login?: unknown; githubId?: unknown; name?: unknown; picture?: unknown } | null): SessionUser | null {
  if (!token || typeof token.login !== "string" || typeof token.githubId !== "number") return null;
  return {
    login: token.login,
    id: token.githubId,
    name: typeof token.name === "string" ? token.name : token.login,
    image: typeof token.picture === "string" ? token.picture : null,
  };
}

const requestSessions = createSessionCache<SessionUser>();

/** The user behind an API request's session cookie, or null (no cookie, tampered, expired). */
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
  return requestSessions(cookie, async () => {
    const token = await getToken({ req, secret: config.authSecret, secureCookie });
    const user = toUser(token);
    return user && { user, expiresAt: typeof token?.exp === "number" ? token.exp : undefined };
  });
}

/** The user of the page being rendered (server components), or null. */
export async function getPageUser(): Promise<SessionUser | null> {
  // Per-request by nature: never prerendered at build time, when no secrets are configured.
  await connection();
  await syncAppCredentials();
  const session = await getServerSession(authOptions());
  if (!session?.user?.login) return null;
  return session.user;
}
