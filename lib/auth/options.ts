import "server-only";
import type { AuthOptions, Profile } from "next-auth";
import GitHubProvider, { type GithubProfile } from "next-auth/providers/github";
import { appCredentials } from "@/lib/app-credentials/app-credentials";
import { env } from "@/lib/env";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { grantFromTokenAnswer, saveOwnerToken } from "./owner-tokens";

/** Sessions last a working day; owner status is re-checked against GitHub far more often (see org-access). */
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

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
  // next-auth v4 reads its public URL from NEXTAUTH_URL; APP_URL is Grantdesk's name for it.
  process.env.NEXTAUTH_URL ??= config.appUrl;
  const userUrl = `${config.githubApiUrl}/user`;

  const options: AuthOptions = {
    secret: config.authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: config.appUrl.startsWith("https://"),
    pages: { signIn: "/signin", error: "/signin" },
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
          if (config.actAs === "owner" && account?.access_token) {
            // Not keeping it only means the owner is asked to sign in again at their first write.
            await saveOwnerToken({ id: github.id, login: github.login }, grantFromTokenAnswer(account, Date.now())).catch((error: unknown) => {
              console.error(`[auth] could not keep ${github.login}'s user token: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
            });
          }
        }
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
  };
  cached = { options, credentials: key };
  return options;
}
