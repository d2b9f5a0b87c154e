// Test-only: mints the session cookie next-auth would set after signing `login` in, so route
// tests can act as an owner, a plain member or nobody without a browser.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";

export interface SessionCookieOptions {
  /** When the user signed in, in seconds since the epoch (default: now). */
  signedInAt?: number;
  /** The sign-in's id (default: a new one). */
  sid?: string;
}

export async function sessionCookieFor(user: { login: string; id: number }, secret: string, options: SessionCookieOptions = {}): Promise<string> {
  const token = await encode({
    token: {
      login: user.login,
      githubId: user.id,
      name: user.login,
      sub: String(user.id),
      sid: options.sid ?? randomUUID(),
      signedInAt: options.signedInAt ?? Math.floor(Date.now() / 1000),
    },
    secret,
  });
  return `next-auth.session-token=${token}`;
}
