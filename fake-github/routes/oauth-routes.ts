// The web flow a GitHub App uses to sign users in, as GitHub documents it, for every registered
// app (chosen by client_id; each with its own secret and callback URLs):
// - `GET /login/oauth/authorize`: unknown client_id → a 404 page; a redirect_uri that does not
//   match a callback URL (same scheme, host and port; path equal to or under the callback's) →
//   redirect to the first callback URL with `error=redirect_uri_mismatch` and the state; else a
//   page to choose the account (GitHub would show its own sign-in and consent screens here).
// - choosing an account redirects to `redirect_uri?code=…&state=…` (state passed through
//   unchanged); Cancel redirects with `error=access_denied`.
// - `POST /login/oauth/access_token` (form, JSON or query parameters; client credentials there
//   or as HTTP Basic auth) checks client id and secret, the code (single use, 10 minutes, same
//   client), the redirect_uri and a PKCE verifier when a challenge was sent. Errors are HTTP 200 with `error`/`error_description`/`error_uri`,
//   JSON when `Accept: application/json`, else form-encoded — like GitHub.
// - User access tokens expire (an app's default on GitHub): the answer carries `expires_in`
//   (userTokenTtlSeconds, default 8 h), a `ghr_` refresh token and `refresh_token_expires_in`
//   (six months). `grant_type=refresh_token` trades a refresh token for a new pair; the used
//   refresh token and the access token issued with it stop working (GitHub's documented rule). A
//   used, revoked, expired or unknown refresh token → `bad_refresh_token` (HTTP 200). With
//   userTokenTtlSeconds 0 (expiring user tokens turned off) the answer is
//   `{ access_token, token_type, scope }` and the token never expires.

import { createHash, randomBytes } from "node:crypto";
import { Hono, type Context } from "hono";
import { newToken } from "../auth";
import type { GitHubApp } from "../apps";
import { avatarUrl } from "../render";
import { REFRESH_TOKEN_TTL_SECONDS, type FakeEnv, type FakeState, type OAuthCode } from "../state";
import { SIGN_IN_LOGINS, rolesOf } from "../world";
import { authorizePage, errorPage, type SignInChoice } from "./oauth-page";

const CODE_LIFETIME_MS = 10 * 60_000;
const TROUBLESHOOTING = "https://docs.github.com/apps/managing-oauth-apps";

const ERRORS = {
  redirect_uri_mismatch: {
    description: "The redirect_uri MUST match the registered callback URL for this application.",
    uri: `${TROUBLESHOOTING}/troubleshooting-authorization-request-errors/#redirect-uri-mismatch`,
  },
  access_denied: {
    description: "The user has denied your application access.",
    uri: `${TROUBLESHOOTING}/troubleshooting-authorization-request-errors/#access-denied`,
  },
  incorrect_client_credentials: {
    description: "The client_id and/or client_secret passed are incorrect.",
    uri: `${TROUBLESHOOTING}/troubleshooting-oauth-app-access-token-request-errors/#incorrect-client-credentials`,
  },
  bad_verification_code: {
    description: "The code passed is incorrect or expired.",
    uri: `${TROUBLESHOOTING}/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code`,
  },
  token_redirect_uri_mismatch: {
    description: "The redirect_uri MUST match the registered callback URL for this application.",
    uri: `${TROUBLESHOOTING}/troubleshooting-oauth-app-access-token-request-errors/#redirect-uri-mismatch`,
  },
  bad_refresh_token: {
    description: "The refresh token passed is incorrect or expired.",
    uri: "https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens",
  },
  unsupported_grant_type: {
    description: "The grant type is not supported.",
    uri: `${TROUBLESHOOTING}/troubleshooting-oauth-app-access-token-request-errors`,
  },
} as const;

/** GitHub's rule: same scheme, host and port as a callback URL, and a path equal to or under its path. */
export function redirectMatches(redirectUri: string, callbackUrls: readonly string[]): boolean {
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return false;
  }
  if (target.hash !== "") return false;
  return callbackUrls.some((callback) => {
    const base = new URL(callback);
    if (target.protocol !== base.protocol || target.host !== base.host) return false;
    const basePath = base.pathname.replace(/\/+$/, "");
    return target.pathname === base.pathname || target.pathname === basePath || target.pathname.startsWith(`${basePath}/`);
  });
}

function withParams(url: string, params: Record<string, string | undefined>): string {
  const target = new URL(url);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) target.searchParams.set(key, value);
  return target.toString();
}

function errorRedirect(c: Context, callback: string, error: "redirect_uri_mismatch" | "access_denied", state: string | undefined): Response {
  const { description, uri } = ERRORS[error];
  return c.redirect(withParams(callback, { error, error_description: description, error_uri: uri, state }), 302);
}

/** Parameters from the query string and the body (form or JSON), body winning. */
async function oauthParams(c: Context): Promise<Record<string, string>> {
  const params: Record<string, string> = Object.fromEntries(new URL(c.req.url).searchParams);
  const text = c.req.method === "POST" ? await c.req.text() : "";
  if (text.trim() === "") return params;
  if (c.req.header("content-type")?.includes("application/json")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === "object") {
        for (const [key, value] of Object.entries(parsed)) if (typeof value === "string" || typeof value === "number") params[key] = String(value);
      }
    } catch {
      // GitHub ignores a body it cannot read; the checks below then report what is missing.
    }
    return params;
  }
  return { ...params, ...Object.fromEntries(new URLSearchParams(text)) };
}

/**
 * Client credentials sent as HTTP Basic auth (RFC 6749 §2.3.1: each part form-encoded), which
 * GitHub accepts and openid-client — under next-auth — sends by default.
 */
function basicClientCredentials(authorization: string | undefined): Record<string, string> {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return {};
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return {};
  const formDecode = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
  try {
    return { client_id: formDecode(decoded.slice(0, colon)), client_secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return {};
  }
}

function tokenAnswer(c: Context, body: Record<string, string | number>): Response {
  if (c.req.header("accept")?.includes("application/json")) {
    return c.body(JSON.stringify(body), 200, { "content-type": "application/json; charset=utf-8" });
  }
  const form = new URLSearchParams(Object.entries(body).map(([key, value]) => [key, String(value)]));
  return c.body(form.toString(), 200, { "content-type": "application/x-www-form-urlencoded; charset=utf-8" });
}

function tokenError(c: Context, error: keyof typeof ERRORS): Response {
  const { description, uri } = ERRORS[error];
  const name = error === "token_redirect_uri_mismatch" ? "redirect_uri_mismatch" : error;
  return tokenAnswer(c, { error: name, error_description: description, error_uri: uri });
}

function pkceMatches(challenge: OAuthCode["codeChallenge"], verifier: string | undefined): boolean {
  if (!challenge) return true;
  if (!verifier) return false;
  const computed = challenge.method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  return computed === challenge.value;
}

/** Issues a user access token (and, when they expire, a refresh token) as GitHub answers it. */
function issueUserToken(state: FakeState, userId: number, appId: number): Record<string, string | number> {
  const accessToken = newToken("ghu_");
  const ttl = state.config.userTokenTtlSeconds;
  const now = Date.now();
  state.userTokens.set(accessToken, { userId, appId, expiresAt: ttl > 0 ? now + ttl * 1000 : null });
  if (ttl === 0) return { access_token: accessToken, token_type: "bearer", scope: "" };
  const refreshToken = newToken("ghr_");
  state.refreshTokens.set(refreshToken, { userId, appId, accessToken, expiresAt: now + REFRESH_TOKEN_TTL_SECONDS * 1000 });
  return {
    access_token: accessToken,
    expires_in: ttl,
    refresh_token: refreshToken,
    refresh_token_expires_in: REFRESH_TOKEN_TTL_SECONDS,
    token_type: "bearer",
    scope: "",
  };
}

export function oauthRoutes(state: FakeState): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>();

  /** The redirect target, or the response to send when the request is not acceptable. */
  const checkAuthorize = (c: Context<FakeEnv>, params: Record<string, string>): { redirectUri: string; app: GitHubApp } | Response => {
    const client = state.apps.byClientId(params.client_id);
    if (!client) {
      return c.html(errorPage("Page not found", "The application you are trying to sign in to does not exist here. Check its client_id."), 404);
    }
    const callbackUrls = client.callbackUrls;
    if (callbackUrls.length === 0) return c.html(errorPage("No callback URL", `${client.name} has no callback URL registered.`), 422);
    if (params.redirect_uri === undefined || params.redirect_uri === "") return { redirectUri: callbackUrls[0]!, app: client };
    if (!redirectMatches(params.redirect_uri, callbackUrls)) return errorRedirect(c, callbackUrls[0]!, "redirect_uri_mismatch", params.state);
    return { redirectUri: params.redirect_uri, app: client };
  };

  app.get("/login/oauth/authorize", async (c) => {
    const params = await oauthParams(c);
    const checked = checkAuthorize(c, params);
    if (checked instanceof Response) return checked;
    const origin = new URL(c.req.url).origin;
    const choices: SignInChoice[] = SIGN_IN_LOGINS.map((login) => {
      const user = state.world.userByLogin.get(login)!;
      const roles = rolesOf(state.world, user.id);
      const parts = [roles.owner.length ? `owner of ${roles.owner.join(", ")}` : "", roles.member.length ? `member of ${roles.member.join(", ")}` : ""];
      return { login: user.login, name: user.name, avatarUrl: avatarUrl(origin, user.id), label: parts.filter(Boolean).join(" · ") || "no organizations" };
    });
    const forwarded = ["client_id", "redirect_uri", "state", "scope", "code_challenge", "code_challenge_method"];
    const hidden = Object.fromEntries(forwarded.filter((key) => params[key] !== undefined).map((key) => [key, params[key]!]));
    return c.html(authorizePage(checked.app.name, choices, hidden));
  });

  app.post("/login/oauth/authorize", async (c) => {
    const params = await oauthParams(c);
    const checked = checkAuthorize(c, params);
    if (checked instanceof Response) return checked;
    if (params.cancel) return errorRedirect(c, checked.redirectUri, "access_denied", params.state);
    const user = params.login ? state.world.userByLogin.get(params.login.toLowerCase()) : undefined;
    if (!user) return c.html(errorPage("Unknown account", "Choose one of the accounts offered on the sign-in page."), 422);
    const method = params.code_challenge_method ?? "plain";
    if (params.code_challenge && method !== "S256" && method !== "plain") {
      return c.html(errorPage("Unsupported code challenge", "code_challenge_method must be S256 or plain."), 400);
    }
    const code = randomBytes(10).toString("hex");
    state.oauthCodes.set(code, {
      userId: user.id,
      appId: checked.app.id,
      clientId: checked.app.clientId,
      redirectUri: params.redirect_uri || null,
      expiresAt: Date.now() + CODE_LIFETIME_MS,
      codeChallenge: params.code_challenge ? { value: params.code_challenge, method: method as "S256" | "plain" } : null,
    });
    return c.redirect(withParams(checked.redirectUri, { code, state: params.state }), 302);
  });

  app.post("/login/oauth/access_token", async (c) => {
    const params = { ...basicClientCredentials(c.req.header("authorization")), ...(await oauthParams(c)) };
    const client = state.apps.byClientId(params.client_id);
    if (!client || params.client_secret !== client.clientSecret) return tokenError(c, "incorrect_client_credentials");
    const grantType = params.grant_type ?? "authorization_code";
    if (grantType === "refresh_token") {
      const refresh = params.refresh_token ? state.refreshTokens.get(params.refresh_token) : undefined;
      if (!refresh || refresh.appId !== client.id || refresh.expiresAt <= Date.now()) return tokenError(c, "bad_refresh_token");
      state.refreshTokens.delete(params.refresh_token!);
      state.userTokens.delete(refresh.accessToken);
      return tokenAnswer(c, issueUserToken(state, refresh.userId, client.id));
    }
    if (grantType !== "authorization_code") return tokenError(c, "unsupported_grant_type");
    const code = params.code ? state.oauthCodes.get(params.code) : undefined;
    if (!code || code.expiresAt <= Date.now() || code.clientId !== params.client_id) return tokenError(c, "bad_verification_code");
    if (params.redirect_uri) {
      const matches = code.redirectUri === null ? redirectMatches(params.redirect_uri, client.callbackUrls) : params.redirect_uri === code.redirectUri;
      if (!matches) return tokenError(c, "token_redirect_uri_mismatch");
    }
    if (!pkceMatches(code.codeChallenge, params.code_verifier)) return tokenError(c, "bad_verification_code");
    state.oauthCodes.delete(params.code!);
    return tokenAnswer(c, issueUserToken(state, code.userId, client.id));
  });

  return app;
}
