// Test-only: mints the session cookie next-auth would set after signing `login` in, so route
// tests can act as an owner, a plain member or nobody without a browser.
import { encode } from "next-auth/jwt";

export async function sessionCookieFor(user: { login: string; id: number }, secret: string): Promise<string> {
  const token = await encode({ token: { login: user.login, githubId: user.id, name: user.login, sub: String(user.id) }, secret });
  return `next-auth.session-token=${token}`;
}
