// The OAuth web flow: the account picker, client and redirect checks, the code exchange (form and
// JSON, single use, PKCE) and the user endpoints with the resulting token.

import { createHash } from "node:crypto";
import { Issuer } from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogEntry } from "./request-log";
import { redirectMatches } from "./routes/oauth-routes";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { api, control } from "./test-support";
import { USERS } from "./world";

const CALLBACK = "http://localhost:3000/api/auth/callback/github";

let fake: FakeGitHub;

beforeAll(async () => {
  fake = await startFakeGitHub({ requests: 10, tokens: 20 });
});
afterAll(() => fake.close());

function authorizeUrl(params: Record<string, string>): string {
  return `${fake.url}/login/oauth/authorize?${new URLSearchParams(params)}`;
}

async function choose(login: string, params: Record<string, string> = {}): Promise<URL> {
  const form = new URLSearchParams({ client_id: fake.clientId, redirect_uri: CALLBACK, state: "st4te/+=", login, ...params });
  const response = await fetch(`${fake.url}/login/oauth/authorize`, { method: "POST", body: form, redirect: "manual" });
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location")!);
}

async function exchange(body: Record<string, string | null>, { json = true, accept = "application/json" } = {}): Promise<Response> {
  const fields = { client_id: fake.clientId, client_secret: fake.clientSecret, redirect_uri: CALLBACK, ...body };
  const clean = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as Record<string, string>;
  return fetch(`${fake.url}/login/oauth/access_token`, {
    method: "POST",
    headers: { accept, "content-type": json ? "application/json" : "application/x-www-form-urlencoded" },
    body: json ? JSON.stringify(clean) : new URLSearchParams(clean),
  });
}

describe("the sign-in page", () => {
  it("lists an owner and a plain member of every org, each with a labelled button", async () => {
    const response = await fetch(authorizeUrl({ client_id: fake.clientId, redirect_uri: CALLBACK, state: "abc", scope: "read:user" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<h1>Sign in to Grantdesk<\/h1>/);
    for (const [login, label] of [
      ["mona", "owner of acme, globex"],
      ["octocat", "owner of globex · member of acme"],
      ["hubot", "member of acme, globex"],
      [USERS.billLumbergh.login, "owner of initech"],
      [USERS.peterGibbons.login, "member of initech"],
    ]) {
      expect(html).toContain(`>Sign in as ${login}</button>`);
      expect(html).toContain(`id="role-${login}">@${login} · ${label}</span>`);
    }
    expect(html).toContain('<input type="hidden" name="state" value="abc">');
    expect(html).toContain(`src="${fake.url}/avatars/u/${USERS.mona.id}?v=4"`);
  });

  it("shows a 404 page for an unknown client_id", async () => {
    const response = await fetch(authorizeUrl({ client_id: "Iv1.someoneelse", redirect_uri: CALLBACK }));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("<h1>Page not found</h1>");
  });

  it("sends a redirect_uri that matches no callback URL to the registered one with redirect_uri_mismatch", async () => {
    const response = await fetch(authorizeUrl({ client_id: fake.clientId, redirect_uri: "https://evil.example/callback", state: "xyz" }), { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get("error")).toBe("redirect_uri_mismatch");
    expect(location.searchParams.get("error_description")).toBe("The redirect_uri MUST match the registered callback URL for this application.");
    expect(location.searchParams.get("state")).toBe("xyz");
  });

  it("matches redirect URIs like GitHub: same scheme, host and port, path equal or below", () => {
    const callbacks = [CALLBACK];
    expect(redirectMatches(CALLBACK, callbacks)).toBe(true);
    expect(redirectMatches(`${CALLBACK}/extra?x=1`, callbacks)).toBe(true);
    expect(redirectMatches("http://localhost:3000/api/auth/callback/githubber", callbacks)).toBe(false);
    expect(redirectMatches("http://localhost:3001/api/auth/callback/github", callbacks)).toBe(false);
    expect(redirectMatches("https://localhost:3000/api/auth/callback/github", callbacks)).toBe(false);
    expect(redirectMatches("http://localhost:3000/api/auth", callbacks)).toBe(false);
    expect(redirectMatches("not a url", callbacks)).toBe(false);
  });
});

describe("choosing an account and exchanging the code", () => {
  it("redirects with a code and the state unchanged; the code buys a ghu_ token once", async () => {
    const location = await choose("mona");
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get("state")).toBe("st4te/+=");
    const code = location.searchParams.get("code")!;
    const first = await exchange({ code });
    expect(first.status).toBe(200);
    const token = (await first.json()) as { access_token: string; token_type: string; scope: string };
    expect(token).toEqual({
      access_token: expect.stringMatching(/^ghu_[A-Za-z0-9]{36}$/),
      expires_in: 28_800,
      refresh_token: expect.stringMatching(/^ghr_[A-Za-z0-9]{76}$/),
      refresh_token_expires_in: 15_811_200,
      token_type: "bearer",
      scope: "",
    });
    const second = await exchange({ code });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ error: "bad_verification_code", error_description: "The code passed is incorrect or expired." });

    const me = (await (await api(fake, token.access_token, "/user")).json()) as { login: string; id: number; name: string; email: string; avatar_url: string };
    expect(me).toMatchObject({ login: "mona", id: USERS.mona.id, name: USERS.mona.name, email: "mona@acme.example" });
    expect(me.avatar_url).toBe(`${fake.url}/avatars/u/${USERS.mona.id}?v=4`);
    expect(await (await api(fake, token.access_token, "/user/emails")).json()).toEqual([{ email: "mona@acme.example", primary: true, verified: true, visibility: "public" }]);
  });

  it("answers form-encoded unless JSON is asked for, and takes form bodies", async () => {
    const code = (await choose("hubot")).searchParams.get("code")!;
    const response = await exchange({ code }, { json: false, accept: "*/*" });
    expect(response.headers.get("content-type")).toContain("application/x-www-form-urlencoded");
    const fields = new URLSearchParams(await response.text());
    expect(fields.get("access_token")).toMatch(/^ghu_/);
    expect(fields.get("token_type")).toBe("bearer");
    const me = (await (await api(fake, fields.get("access_token"), "/user")).json()) as { login: string };
    expect(me.login).toBe("hubot");
  });

  it("refuses a wrong client secret or id, a wrong redirect_uri and a made-up code, all with HTTP 200", async () => {
    const code = (await choose("octocat")).searchParams.get("code")!;
    const errorOf = async (response: Response) => {
      expect(response.status).toBe(200);
      return ((await response.json()) as { error: string }).error;
    };
    expect(await errorOf(await exchange({ code, client_secret: "wrong" }))).toBe("incorrect_client_credentials");
    expect(await errorOf(await exchange({ code, client_id: "Iv1.other" }))).toBe("incorrect_client_credentials");
    expect(await errorOf(await exchange({ code, redirect_uri: "http://localhost:3000/elsewhere" }))).toBe("redirect_uri_mismatch");
    expect(await errorOf(await exchange({ code: "0123456789abcdef0123" }))).toBe("bad_verification_code");
    // None of the refusals used the code up.
    expect(await exchange({ code, redirect_uri: null }).then((response) => response.json())).toMatchObject({ access_token: expect.stringMatching(/^ghu_/) });
  });

  it("checks a PKCE verifier when the authorize request sent a challenge", async () => {
    const verifier = "a-verifier-long-enough-to-be-a-real-pkce-code-verifier-0123456789";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const code = (await choose("mona", { code_challenge: challenge, code_challenge_method: "S256" })).searchParams.get("code")!;
    expect(await (await exchange({ code, code_verifier: "wrong" })).json()).toMatchObject({ error: "bad_verification_code" });
    expect(await (await exchange({ code, code_verifier: verifier })).json()).toMatchObject({ access_token: expect.stringMatching(/^ghu_/) });
  });

  it("works with openid-client as next-auth drives it: Basic client auth, state check, userinfo", async () => {
    const issuer = new Issuer({
      issuer: `${fake.url}/login/oauth`,
      authorization_endpoint: `${fake.url}/login/oauth/authorize`,
      token_endpoint: `${fake.url}/login/oauth/access_token`,
      userinfo_endpoint: `${fake.url}/user`,
    });
    const client = new issuer.Client({ client_id: fake.clientId, client_secret: fake.clientSecret, redirect_uris: [CALLBACK] });
    const authorizeUrl = new URL(client.authorizationUrl({ scope: "read:user user:email", state: "n3xt" }));
    expect((await fetch(authorizeUrl)).status).toBe(200);
    const callback = await choose("octocat", { state: "n3xt" });
    const tokens = await client.oauthCallback(CALLBACK, client.callbackParams(callback.toString()), { state: "n3xt" });
    expect(tokens.access_token).toMatch(/^ghu_/);
    const { entries } = await control<{ entries: LogEntry[] }>(fake, "log");
    const exchangeBody = entries.findLast((entry) => entry.path === "/login/oauth/access_token")!.body;
    expect(exchangeBody).toMatchObject({ grant_type: "authorization_code", code: callback.searchParams.get("code") });
    expect(exchangeBody).not.toHaveProperty("client_secret");
    const profile = await client.userinfo(tokens.access_token!);
    expect(profile).toMatchObject({ login: "octocat", id: USERS.octocat.id, email: "octocat@globex.example" });
  });

  it("redirects with access_denied when the user cancels", async () => {
    const form = new URLSearchParams({ client_id: fake.clientId, redirect_uri: CALLBACK, state: "s1", cancel: "1" });
    const response = await fetch(`${fake.url}/login/oauth/authorize`, { method: "POST", body: form, redirect: "manual" });
    const location = new URL(response.headers.get("location")!);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("s1");
    expect(location.searchParams.get("code")).toBeNull();
  });
});

describe("avatars", () => {
  it("serves a deterministic SVG for users and orgs", async () => {
    const response = await fetch(`${fake.url}/avatars/u/${USERS.mona.id}?v=4`);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    const svg = await response.text();
    expect(svg).toContain(">MO</text>");
    expect(await (await fetch(`${fake.url}/avatars/u/${USERS.mona.id}?v=4`)).text()).toBe(svg);
    expect(await (await fetch(`${fake.url}/avatars/u/${USERS.billLumbergh.id}`)).text()).toContain(">BL</text>");
  });
});
