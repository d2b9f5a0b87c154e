import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { secretBox, SecretBoxError } from "@/lib/security/secret-box";

// The browser's standing in the setup flow, in one cookie sealed with a key from AUTH_SECRET (any
// instance can read it, no one can forge or read it): `operator` once the operator token was
// given, `state` while an app is being created on GitHub — the manifest's `state`, which must come
// back with GitHub's code, so a code sent to someone else's browser is refused. It lasts an hour,
// as GitHub's codes do.

export const SETUP_SESSION_MAX_AGE_SECONDS = 3_600;
const CONTEXT = "setup-session";

const sessionSchema = z.object({ operator: z.boolean(), state: z.string().nullable(), expiresAt: z.number() });
export type SetupSession = z.infer<typeof sessionSchema>;

export function setupSessionCookieName(appUrl: string): string {
  return `${appUrl.startsWith("https://") ? "__Host-" : ""}grantdesk-setup`;
}

/** The cookie's value for the session, and the attributes it is set with. */
export function sealSetupSession(session: Omit<SetupSession, "expiresAt">, authSecret: string, appUrl: string, now = Date.now()) {
  const value = secretBox(authSecret).seal(JSON.stringify({ ...session, expiresAt: now + SETUP_SESSION_MAX_AGE_SECONDS * 1000 }), CONTEXT);
  return {
    name: setupSessionCookieName(appUrl),
    value,
    options: {
      httpOnly: true,
      // Lax: GitHub's redirect back with the code is a top-level navigation from another site.
      sameSite: "lax" as const,
      secure: appUrl.startsWith("https://"),
      path: "/",
      maxAge: SETUP_SESSION_MAX_AGE_SECONDS,
    },
  };
}

/** The session in the cookie, or null (none, expired, forged, sealed under another AUTH_SECRET). */
export function openSetupSession(value: string | undefined, authSecret: string, now = Date.now()): SetupSession | null {
  if (!value) return null;
  try {
    const session = sessionSchema.parse(JSON.parse(secretBox(authSecret).open(value, CONTEXT)));
    return session.expiresAt > now ? session : null;
  } catch (error) {
    if (error instanceof SecretBoxError || error instanceof SyntaxError || error instanceof z.ZodError) return null;
    throw error;
  }
}

/** A new manifest `state`: unguessable, URL-safe. */
export function newSetupState(): string {
  return randomBytes(24).toString("base64url");
}

/** Whether `given` is the session's state, compared in constant time. */
export function stateMatches(session: SetupSession | null, given: string | null): boolean {
  if (!session?.state || !given) return false;
  const expected = Buffer.from(session.state);
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
