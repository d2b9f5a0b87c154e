// Authentication and the headers GitHub sends: app JWTs (signature, iat/exp, issuer), installation
// tokens (their org only, their permissions only), user tokens, API versions and rate-limit
// headers.

import { generateKeyPairSync } from "node:crypto";
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JWT_MESSAGES } from "./auth";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { api, appJwt, installationToken, signIn } from "./test-support";
import { ORGS } from "./world";

let fake: FakeGitHub;
let acme: string;

beforeAll(async () => {
  fake = await startFakeGitHub({ requests: 20, tokens: 40 });
  acme = await installationToken(fake, ORGS.acme.installationId);
});
afterAll(() => fake.close());

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function refusal(response: Response): Promise<[number, string]> {
  const body = (await response.json()) as { message: string; status: string };
  expect(body.status).toBe(String(response.status));
  return [response.status, body.message];
}

describe("app JWTs", () => {
  const now = () => Math.floor(Date.now() / 1000);

  it("accept a JWT made like @octokit/auth-app makes it, with the app id or the client id as issuer", async () => {
    expect((await api(fake, null, "/app/installations", bearer(await appJwt(fake)))).status).toBe(200);
    expect((await api(fake, null, "/app/installations", bearer(await appJwt(fake, { iss: fake.clientId })))).status).toBe(200);
  });

  it("refuse expired, too long-lived, future-issued, foreign-issuer and wrongly signed JWTs with GitHub's messages", async () => {
    const otherKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    const cases: [string, string][] = [
      [await appJwt(fake, { iat: now() - 700, exp: now() - 100 }), JWT_MESSAGES.expired],
      [await appJwt(fake, { iat: now(), exp: now() + 3_600 }), JWT_MESSAGES.tooFar],
      [await appJwt(fake, { iat: now() + 300, exp: now() + 600 }), JWT_MESSAGES.issuedAt],
      [await appJwt(fake, { iss: 999 }), JWT_MESSAGES.unknownIssuer],
      [await appJwt(fake, {}, otherKey), JWT_MESSAGES.undecodable],
      ["eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOjF9.c2ln", JWT_MESSAGES.undecodable],
    ];
    for (const [jwt, message] of cases) {
      expect(await refusal(await api(fake, null, "/app/installations", bearer(jwt)))).toEqual([401, message]);
    }
  });

  it("allow a little clock skew", async () => {
    const skewed = await appJwt(fake, { iat: now() + 30, exp: now() + 630 });
    expect((await api(fake, null, "/orgs/acme/installation", bearer(skewed))).status).toBe(200);
  });

  it("are the only credential /app endpoints take", async () => {
    expect(await refusal(await api(fake, null, "/app/installations"))).toEqual([401, "Requires authentication"]);
    expect(await refusal(await api(fake, acme, "/app/installations"))).toEqual([401, JWT_MESSAGES.undecodable]);
    expect(await refusal(await api(fake, "ghp_classic", "/orgs/acme/installation"))).toEqual([401, JWT_MESSAGES.undecodable]);
  });

  it("are not accepted where an installation token is required", async () => {
    const jwt = await appJwt(fake);
    expect(await refusal(await api(fake, null, "/orgs/acme/personal-access-tokens", bearer(jwt)))).toEqual([403, "Resource not accessible by integration"]);
    expect(await refusal(await api(fake, null, "/orgs/acme/memberships/mona", bearer(jwt)))).toEqual([403, "Resource not accessible by integration"]);
  });
});

describe("installation tokens", () => {
  it("are ghs_ tokens valid for one hour, with the installation's permissions", async () => {
    const response = await api(fake, null, "/app/installations/102/access_tokens", { method: "POST", ...bearer(await appJwt(fake)) });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { token: string; expires_at: string; permissions: Record<string, string> };
    expect(body.token).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
    expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(Date.parse(body.expires_at) - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect(body.permissions).toEqual({ members: "read", organization_personal_access_token_requests: "write", organization_personal_access_tokens: "write" });
  });

  it("are refused without a token, with an unknown one, and for another org", async () => {
    expect(await refusal(await api(fake, null, "/orgs/acme/personal-access-tokens"))).toEqual([401, "Requires authentication"]);
    expect(await refusal(await api(fake, "ghs_unknowntoken", "/orgs/acme/personal-access-tokens"))).toEqual([401, "Bad credentials"]);
    expect(await refusal(await api(fake, null, "/orgs/acme/personal-access-tokens", { headers: { authorization: "Basic Zm9vOmJhcg==" } }))).toEqual([401, "Bad credentials"]);
    const globex = await installationToken(fake, ORGS.globex.installationId);
    expect(await refusal(await api(fake, globex, "/orgs/acme/personal-access-token-requests"))).toEqual([403, "Resource not accessible by integration"]);
    expect((await api(fake, globex, "/orgs/globex/personal-access-token-requests")).status).toBe(200);
  });

  it("answer 404 for an org without the app installed, as GitHub hides it", async () => {
    expect(await refusal(await api(fake, acme, "/orgs/initech/personal-access-tokens"))).toEqual([404, "Not Found"]);
    expect(await refusal(await api(fake, acme, "/orgs/initech/memberships/bill-lumbergh"))).toEqual([404, "Not Found"]);
    expect(await refusal(await api(fake, null, "/orgs/initech/installation", bearer(await appJwt(fake))))).toEqual([404, "Not Found"]);
  });

  it("can be narrowed to fewer permissions, and then cannot write", async () => {
    const readOnly = await installationToken(fake, ORGS.acme.installationId, { permissions: { organization_personal_access_tokens: "read" } });
    expect((await api(fake, readOnly, "/orgs/acme/personal-access-tokens")).status).toBe(200);
    expect((await api(fake, readOnly, "/orgs/acme/personal-access-token-requests")).status).toBe(403);
    const revoke = await api(fake, readOnly, "/orgs/acme/personal-access-tokens", { method: "POST", body: { action: "revoke", pat_ids: [1] } });
    expect(await refusal(revoke)).toEqual([403, "Resource not accessible by integration"]);
  });
});

describe("@octokit/auth-app, as Grantdesk uses it", () => {
  it("signs app requests with a JWT and fetches installation tokens by itself", async () => {
    const auth = { appId: fake.appId, privateKey: fake.appPrivateKeyPem };
    const app = new Octokit({ authStrategy: createAppAuth, auth, baseUrl: fake.url });
    const { data: installations } = await app.request("GET /app/installations");
    expect(installations.map((installation) => installation.account?.login)).toEqual(["acme", "globex"]);
    const installation = new Octokit({ authStrategy: createAppAuth, auth: { ...auth, installationId: installations[0]!.id }, baseUrl: fake.url });
    const { data: tokens } = await installation.request("GET /orgs/{org}/personal-access-tokens", { org: "acme", per_page: 3 });
    expect(tokens).toHaveLength(3);
  });
});

describe("user tokens", () => {
  it("reach an installed org's PAT endpoints only for its owners", async () => {
    const mona = await signIn(fake, "mona");
    const hubot = await signIn(fake, "hubot");
    expect((await api(fake, mona, "/orgs/acme/personal-access-tokens")).status).toBe(200);
    expect((await api(fake, hubot, "/orgs/acme/personal-access-tokens")).status).toBe(403);
    expect((await api(fake, hubot, "/orgs/acme/memberships/hubot")).status).toBe(200);
  });
});

describe("GitHub's headers", () => {
  it("send Date, a request id, the selected API version and per-credential rate-limit counters", async () => {
    const first = await api(fake, acme, "/orgs/acme/memberships/mona");
    const second = await api(fake, acme, "/orgs/acme/memberships/mona");
    expect(first.headers.get("date")).toMatch(/GMT$/);
    expect(first.headers.get("x-github-request-id")).toMatch(/^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]{6}:[0-9A-F]{6}:[0-9A-F]{8}$/);
    expect(first.headers.get("x-github-api-version-selected")).toBe("2022-11-28");
    expect(first.headers.get("x-ratelimit-limit")).toBe("5000");
    expect(first.headers.get("x-ratelimit-resource")).toBe("core");
    expect(Number(second.headers.get("x-ratelimit-used"))).toBe(Number(first.headers.get("x-ratelimit-used")) + 1);
    expect(Number(second.headers.get("x-ratelimit-remaining"))).toBe(Number(first.headers.get("x-ratelimit-remaining")) - 1);
    expect(Number(first.headers.get("x-ratelimit-reset")) - Date.now() / 1000).toBeGreaterThan(3_000);
    const anonymous = await api(fake, null, "/orgs/acme/personal-access-tokens");
    expect(anonymous.headers.get("x-ratelimit-limit")).toBe("60");
  });

  it("refuse an unsupported X-GitHub-Api-Version with 400, and default to 2022-11-28", async () => {
    const bad = await api(fake, acme, "/orgs/acme/memberships/mona", { headers: { "x-github-api-version": "2021-01-01" } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain("2021-01-01");
    const none = await fetch(`${fake.url}/orgs/acme/memberships/mona`, { headers: { authorization: `token ${acme}` } });
    expect(none.headers.get("x-github-api-version-selected")).toBe("2022-11-28");
    const newer = await api(fake, acme, "/orgs/acme/memberships/mona", { headers: { "x-github-api-version": "2026-03-10" } });
    expect(newer.headers.get("x-github-api-version-selected")).toBe("2026-03-10");
  });

  it("answer unknown API paths with GitHub's 404 body", async () => {
    const response = await api(fake, acme, "/repos/acme/payments-api");
    expect(await response.json()).toEqual({ message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" });
  });
});
