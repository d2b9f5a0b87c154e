import "server-only";
import { eq, lt } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db/database";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { sessionRevocations } from "@/lib/db/schema";
import { SESSION_MAX_AGE_SECONDS, sessionEndsAt, type SessionClaims } from "./session-claims";

// Sessions signed out in this process, for an answer without a query (and before any cache of
// decoded sessions could hand one out again). Other instances learn of them from the table.
const revokedHere = new LRUCache<string, true>({ max: 10_000, ttl: SESSION_MAX_AGE_SECONDS * 1000 });

/**
 * Ends a session on the server: its id goes on the deny-list until the session would have ended
 * anyway, so a copy of the cookie stops working too. Rows past their end are pruned on the way.
 */
export async function revokeSession(claims: SessionClaims): Promise<void> {
  revokedHere.set(claims.sid, true);
  const database = await db();
  await database
    .insert(sessionRevocations)
    .values({ sessionId: claims.sid, expiresAt: new Date(sessionEndsAt(claims) * 1000) })
    .onConflictDoNothing();
  await database.delete(sessionRevocations).where(lt(sessionRevocations.expiresAt, new Date()));
}

/** Whether this process signed the session out (no query). */
export function isRevokedHere(sid: string): boolean {
  return revokedHere.has(sid);
}

/**
 * Whether the session was signed out, here or on any instance. While the database cannot be
 * reached the answer is "no" (logged, at most once a minute): Grantdesk then refuses every
 * review and revoke anyway (they cannot be recorded), so what a signed-out copy of a cookie could
 * still do is read, for the length of the outage; refusing everyone instead would lock every
 * owner out, and into a sign-in loop.
 */
export async function isSignedOut(sid: string): Promise<boolean> {
  try {
    return await isSessionRevoked(sid);
  } catch (error) {
    const now = Date.now();
    if (now - lastOutageLog > 60_000) {
      lastOutageLog = now;
      console.error(`[auth] the deny-list of signed-out sessions cannot be read (${redactSecrets(error instanceof Error ? error.message : String(error))}); sessions are let through unchecked until it can`);
    }
    return false;
  }
}

let lastOutageLog = 0;

/** Whether the session was signed out, here or on any instance. Throws when the database cannot answer. */
export async function isSessionRevoked(sid: string): Promise<boolean> {
  if (revokedHere.has(sid)) return true;
  // Session ids are UUIDs we issued; anything else is not worth a query (and would fail the uuid cast).
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(sid)) return true;
  const database = await db();
  const [row] = await database.select({ sessionId: sessionRevocations.sessionId }).from(sessionRevocations).where(eq(sessionRevocations.sessionId, sid)).limit(1);
  if (row) revokedHere.set(sid, true);
  return row !== undefined;
}
