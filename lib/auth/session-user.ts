import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { connection, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { authOptions } from "./options";

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

/** The user behind an API request's session cookie, or null (no cookie, tampered, expired). */
export async function getRequestUser(req: NextRequest): Promise<SessionUser | null> {
  const config = env();
  const token = await getToken({ req, secret: config.authSecret, secureCookie: config.appUrl.startsWith("https://") });
  return toUser(token);
}

/** The user of the page being rendered (server components), or null. */
export async function getPageUser(): Promise<SessionUser | null> {
  // Per-request by nature: never prerendered at build time, when no secrets are configured.
  await connection();
  const session = await getServerSession(authOptions());
  if (!session?.user?.login) return null;
  return session.user;
}
