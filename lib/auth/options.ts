import "server-only";
import { randomUUID } from "node:crypto";
import type { AuthOptions, Profile } from "next-auth";
import GitHubProvider, { type GithubProfile } from "next-auth/providers/github";
import { env } from "@/lib/env";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { safeCallbackUrl } from "./callback-url";
import { isWithinLifetime, SESSION_MAX_AGE_SECONDS, sessionClaims } from "./session-claims";
import { isSignedOut, revokeSession } from "./session-revocations";

/** A session that is past its 8 hours or was signed out: next-auth then clears its cookie. */
class SessionEndedError extends Error {
  override name = "SessionEndedError";
}

let cached: AuthOptions | undefined;

/**
 * next-auth configuration, built on first use so `next build` never needs the secrets. Every
 * GitHub URL derives from GITHUB_URL / GITHUB_API_URL, so one build signs in against github.com,
 * a GHE.com tenant or fake-github.
 */
export function authOptions(): AuthOptions {
  if (cached) return cached;
  const config = env();
  // next-auth v4 reads its public URL from NEXTAUTH_URL; APP_URL is Grantdesk's name for it, and
  // wins. With NEXTAUTH_URL set next-auth never builds a URL from forwarded headers.
  process.env.NEXTAUTH_URL = config.appUrl;
  const userUrl = `${config.githubApiUrl}/user`;

  cached = {
    secret: config.authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: config.appUrl.startsWith("https://"),
    // Absolute, from APP_URL: next-auth redirects to these as they are.
    pages: { signIn: `${config.appUrl}/signin`, error: `${config.appUrl}/signin` },
    // One line per problem, redacted, instead of next-auth's multi-line dumps; a session it could
    // not read (ended, signed out, forged) is routine and not logged.
    logger: {
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR") return;
        const detail = metadata instanceof Error ? metadata.message : (metadata as { error?: Error })?.error?.message;
        console.error(`[auth] ${code}${detail ? `: ${redactSecrets(detail)}` : ""}`);
      },
      warn() {},
      debug() {},
    },
    providers: [
      GitHubProvider({
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        issuer: `${config.githubUrl}/login/oauth`,
        // A GitHub App's user token carries the app's permissions, not OAuth scopes.
        authorization: { url: `${config.githubUrl}/login/oauth/authorize`, params: { scope: "" } },
        token: `${config.githubUrl}/login/oauth/access_token`,
        userinfo: {
          url: userUrl,
          async request({ tokens }) {
            const response = await fetch(userUrl, {
              headers: {
                Accept: "application/vnd.github+json",
                Authorization: `Bearer ${tokens.access_token}`,
                "X-GitHub-Api-Version": "2022-11-28",
              },
              signal: AbortSignal.timeout(config.githubTimeoutMs),
            });
            if (!response.ok) throw new Error(`GitHub answered ${response.status} for the signed-in user`);
            return (await response.json()) as Profile;
          },
        },
        profile(profile: GithubProfile) {
          return { id: String(profile.id), name: profile.name ?? profile.login, email: null, image: profile.avatar_url, login: profile.login };
        },
      }),
    ],
    callbacks: {
      // Where to go after signing in or out: a path on this site only (an unparsable or foreign
      // URL, from the query or from next-auth's callback-url cookie, becomes the home page
      // instead of an error), always under APP_URL.
      redirect({ url, baseUrl }) {
        return safeCallbackUrl(url, baseUrl);
      },
      // The GitHub user token is deliberately not kept: Grantdesk acts with the app's installation token.
      async jwt({ token, profile }) {
        if (profile) {
          const github = profile as unknown as GithubProfile;
          token.login = github.login;
          token.githubId = github.id;
          token.name = github.name ?? github.login;
          token.picture = github.avatar_url;
          token.sid = randomUUID();
          token.signedInAt = Math.floor(Date.now() / 1000);
          return token;
        }
        // Every later read of the session (pages, GET /api/auth/session): the lifetime counts
        // from sign-in, so re-issuing the cookie does not extend it; a signed-out session stays out.
        const claims = sessionClaims(token);
        if (!claims || !isWithinLifetime(claims)) throw new SessionEndedError("the session has ended");
        if (await isSignedOut(claims.sid)) throw new SessionEndedError("the session was signed out");
        return token;
      },
      session({ session, token }) {
        session.user = {
          login: token.login,
          id: token.githubId,
          name: token.name ?? token.login,
          image: token.picture ?? null,
        };
        return session;
      },
    },
    events: {
      // Sign-out ends the session on the server too: a copy of the cookie no longer works.
      async signOut({ token }) {
        const claims = sessionClaims(token);
        if (!claims) return;
        await revokeSession(claims).catch((error: unknown) =>
          console.error(`[auth] could not put signed-out session ${claims.sid} on the deny-list: ${redactSecrets(error instanceof Error ? error.message : String(error))}`),
        );
      },
    },
  };
  return cached;
}
