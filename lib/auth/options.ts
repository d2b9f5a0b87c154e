import "server-only";
import { randomUUID } from "node:crypto";
import type { AuthOptions, Profile } from "next-auth";
import GitHubProvider, { type GithubProfile } from "next-auth/providers/github";
import { appCredentials } from "@/lib/app-credentials/app-credentials";
import { env } from "@/lib/env";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { safeCallbackUrl } from "./callback-url";
import { deleteOwnerToken, grantFromTokenAnswer, saveOwnerToken } from "./owner-tokens";
import { isWithinLifetime, SESSION_MAX_AGE_SECONDS, sessionClaims } from "./session-claims";
import { isSignedOut, revokeSession } from "./session-revocations";

/** A session that is past its 8 hours or was signed out: next-auth then clears its cookie. */
class SessionEndedError extends Error {
  override name = "SessionEndedError";
}

let cached: { options: AuthOptions; credentials: string } | undefined;

/**
 * next-auth configuration, built on first use so `next build` never needs the secrets, and again
 * when the app's credentials change (set up at /setup while running). Every GitHub URL derives
 * from GITHUB_URL / GITHUB_API_URL, so one build signs in against github.com, a GHE.com tenant or
 * fake-github. Without an app yet there is no provider: the sign-in page points to /setup.
 */
export function authOptions(): AuthOptions {
  const app = appCredentials();
  const key = app ? `${app.source}:${app.appId}:${app.version}` : "none";
  if (cached?.credentials === key) return cached.options;
  const config = env();
  // next-auth v4 reads its public URL from NEXTAUTH_URL; APP_URL is Grantdesk's name for it, and
  // wins. With NEXTAUTH_URL set next-auth never builds a URL from forwarded headers.
  process.env.NEXTAUTH_URL = config.appUrl;
  const userUrl = `${config.githubApiUrl}/user`;

  const options: AuthOptions = {
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
        clientId: app?.clientId ?? "",
        clientSecret: app?.clientSecret ?? "",
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
    // Before /setup there is no app, and so no way to sign in yet (the sign-in page says so).
    ].filter(() => app !== null),
    callbacks: {
      // Where to go after signing in or out: a path on this site only (an unparsable or foreign
      // URL, from the query or from next-auth's callback-url cookie, becomes the home page
      // instead of an error), always under APP_URL.
      redirect({ url, baseUrl }) {
        return safeCallbackUrl(url, baseUrl);
      },
      // The GitHub user token never enters the session cookie. With ACT_AS=owner it is kept
      // server-side, sealed (owner-tokens.ts), to send reviews and revokes as this owner;
      // otherwise it is not kept at all: Grantdesk acts with the app's installation token.
      async jwt({ token, profile, account }) {
        if (profile) {
          const github = profile as unknown as GithubProfile;
          token.login = github.login;
          token.githubId = github.id;
          token.name = github.name ?? github.login;
          token.picture = github.avatar_url;
          token.sid = randomUUID();
          token.signedInAt = Math.floor(Date.now() / 1000);
          if (config.actAs === "owner" && account?.access_token) {
            // Not keeping it only means the owner is asked to sign in again at their first write.
            await saveOwnerToken({ id: github.id, login: github.login }, grantFromTokenAnswer(account, Date.now())).catch((error: unknown) => {
              console.error(`[auth] could not keep ${github.login}'s user token: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
            });
          }
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
        // With ACT_AS=owner, signing out also forgets the owner's GitHub token kept for their
        // writes: a job of theirs still queued then stops and asks them to sign in again.
        if (config.actAs === "owner" && typeof token.githubId === "number") {
          await deleteOwnerToken(token.githubId).catch((error: unknown) =>
            console.error(`[auth] could not forget ${String(token.login)}'s user token: ${redactSecrets(error instanceof Error ? error.message : String(error))}`),
          );
        }
      },
    },
  };
  cached = { options, credentials: key };
  return options;
}
