// Contract test: every REST answer fake-github gives — successes, 202/204/304, and each error a
// caller can provoke — validates against the response schemas of GitHub's own OpenAPI
// description (@octokit/openapi, dereferenced api.github.com), with no exceptions: the account of
// `GET /app/installations` meets the description's `allOf: [simple-user, enterprise]` too.
// Webhook payloads and the OAuth token answers are checked in contract-events.test.ts.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectBasicError, expectContract } from "./contract-support";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { api, appJwt, control, installationToken, signIn } from "./test-support";
import { ORGS, USERS } from "./world";

type Json = Record<string, unknown>;

let fake: FakeGitHub;
let acme: string;
let globex: string;

beforeAll(async () => {
  fake = await startFakeGitHub({ requests: 120, tokens: 400, applyDelayMs: 20 });
  acme = await installationToken(fake, ORGS.acme.installationId);
  globex = await installationToken(fake, ORGS.globex.installationId);
});
afterAll(() => fake.close());

const REQUESTS = "/orgs/{org}/personal-access-token-requests";
const TOKENS = "/orgs/{org}/personal-access-tokens";

describe.each([
  { name: "requests", template: REQUESTS, path: "personal-access-token-requests", idsField: "pat_request_ids", write: { action: "approve", reason: "Looks right" } },
  { name: "tokens", template: TOKENS, path: "personal-access-tokens", idsField: "pat_ids", write: { action: "revoke" } },
])("$name endpoints", ({ template, path, idsField, write }) => {
  it("lists with filters, a Link header and every field of the schema", async () => {
    const response = await api(fake, acme, `/orgs/acme/${path}?per_page=5&owner[]=mona&owner[]=hubot&direction=asc`);
    expect(response.headers.get("link")).toMatch(/rel="next"/);
    const body = (await expectContract(response, "GET", template, 200)) as Json[];
    expect(body).toHaveLength(5);
  });

  it("answers a conditional request with a bodiless 304, also under /organizations/{org_id}", async () => {
    const first = await api(fake, acme, `/orgs/acme/${path}?per_page=3`);
    const etag = first.headers.get("etag")!;
    await expectContract(await api(fake, acme, `/orgs/acme/${path}?per_page=3`, { headers: { "if-none-match": etag } }), "GET", template, 304);
    await expectContract(await api(fake, acme, `/organizations/${ORGS.acme.id}/${path}?per_page=3`), "GET", template, 200);
  });

  it("answers 401 without or with a bad credential, and 403 for an app JWT or a suspended installation", async () => {
    await expectContract(await api(fake, null, `/orgs/acme/${path}`), "GET", template, 401);
    await expectContract(await api(fake, "ghs_bad", `/orgs/acme/${path}`, { method: "POST", body: { [idsField]: [1], ...write } }), "POST", template, 401);
    await expectContract(await api(fake, null, `/orgs/acme/${path}`, { headers: { authorization: `Bearer ${await appJwt(fake)}` } }), "GET", template, 403);
    await control(fake, "orgs/globex/installation", { action: "suspend" });
    await expectContract(await api(fake, globex, `/orgs/globex/${path}`), "GET", template, 403);
    await control(fake, "orgs/globex/installation", { action: "unsuspend" });
  });

  it("answers 422, 404 and 403 as documented", async () => {
    const owners = Array.from({ length: 11 }, (_, i) => `owner[]=user${i}`).join("&");
    await expectContract(await api(fake, acme, `/orgs/acme/${path}?${owners}`), "GET", template, 422);
    await expectContract(await api(fake, acme, `/orgs/no-such-org/${path}`), "GET", template, 404);
    await expectContract(await api(fake, globex, `/orgs/acme/${path}`), "GET", template, 403);
    await expectContract(await api(fake, acme, `/orgs/acme/${path}`, { method: "POST", body: { [idsField]: [], ...write } }), "POST", template, 422);
    await expectContract(await api(fake, acme, `/orgs/initech/${path}`, { method: "POST", body: { [idsField]: [1], ...write } }), "POST", template, 404);
    await expectContract(await api(fake, globex, `/orgs/acme/${path}`, { method: "POST", body: { [idsField]: [1], ...write } }), "POST", template, 403);
  });

  it("answers a bulk write with 202 and a single one with 204, then refuses a repeat with 422", async () => {
    const [first, second] = (await (await api(fake, acme, `/orgs/acme/${path}?per_page=2`)).json()) as { id: number }[];
    await expectContract(await api(fake, acme, `/orgs/acme/${path}`, { method: "POST", body: { [idsField]: [first!.id], ...write } }), "POST", template, 202);
    const one = `${template}/{${idsField === "pat_ids" ? "pat_id" : "pat_request_id"}}`;
    await expectContract(await api(fake, acme, `/orgs/acme/${path}/${second!.id}`, { method: "POST", body: write }), "POST", one, 204);
    await expectContract(await api(fake, acme, `/orgs/acme/${path}/${second!.id}`, { method: "POST", body: write }), "POST", one, 422);
    await expectContract(await api(fake, acme, `/orgs/acme/${path}/999999999`, { method: "POST", body: write }), "POST", one, 404);
    await expectContract(await api(fake, acme, `/orgs/acme/${path}/${second!.id}`, { method: "POST", body: { action: "nope" } }), "POST", one, 422);
    await expectContract(await api(fake, acme, `/orgs/acme/${path}/${second!.id}`, { method: "POST", body: "{" }), "POST", one, 400);
    await expectContract(await api(fake, globex, `/orgs/acme/${path}/${second!.id}`, { method: "POST", body: write }), "POST", one, 403);
  });

  it("lists a record's repositories as minimal-repository, and 404s an unknown record", async () => {
    // Oldest first: the writes above took the newest records, some maybe still being applied.
    const rows = (await (await api(fake, acme, `/orgs/acme/${path}?per_page=100&direction=asc`)).json()) as { id: number; repository_selection: string }[];
    const subset = rows.find((row) => row.repository_selection === "subset")!;
    const idName = idsField === "pat_ids" ? "pat_id" : "pat_request_id";
    const repositories = `${template}/{${idName}}/repositories`;
    const body = (await expectContract(await api(fake, acme, `/orgs/acme/${path}/${subset.id}/repositories`), "GET", repositories, 200)) as Json[];
    expect(body.length).toBeGreaterThan(0);
    await expectContract(await api(fake, acme, `/orgs/acme/${path}/999999999/repositories`), "GET", repositories, 404);
    await expectContract(await api(fake, globex, `/orgs/acme/${path}/${subset.id}/repositories`), "GET", repositories, 403);
    const etag = (await api(fake, acme, `/orgs/acme/${path}/${subset.id}/repositories`)).headers.get("etag")!;
    await expectContract(await api(fake, acme, `/orgs/acme/${path}/${subset.id}/repositories`, { headers: { "if-none-match": etag } }), "GET", repositories, 304);
  });

  it("answers a server error and both rate limits in the documented shape", async () => {
    await control(fake, "faults", {
      faults: [
        { path: `^/orgs/acme/${path}$`, status: 500, times: 1 },
        { path: `^/orgs/acme/${path}$`, kind: "secondary-rate-limit", times: 1 },
        { path: `^/orgs/acme/${path}$`, kind: "primary-rate-limit", times: 1 },
      ],
    });
    await expectContract(await api(fake, acme, `/orgs/acme/${path}`), "GET", template, 500);
    await expectContract(await api(fake, acme, `/orgs/acme/${path}`), "GET", template, 403);
    await expectContract(await api(fake, acme, `/orgs/acme/${path}`), "GET", template, 403);
    await control(fake, "faults", { faults: [] });
  });
});

describe("app endpoints", () => {
  it("describes the app, lists installations and finds one by id or org", async () => {
    const headers = { authorization: `Bearer ${await appJwt(fake)}` };
    const app = (await expectContract(await api(fake, null, "/app", { headers }), "GET", "/app", 200)) as Json;
    expect(app).toMatchObject({ id: fake.appId, slug: "grantdesk", installations_count: 2 });
    await expectContract(await api(fake, acme, "/app"), "GET", "/app", 401);
    const list = (await expectContract(await api(fake, null, "/app/installations", { headers }), "GET", "/app/installations", 200)) as Json[];
    expect(list.map((installation) => installation.id)).toEqual([101, 102]);
    await expectContract(await api(fake, null, "/app/installations/101", { headers }), "GET", "/app/installations/{installation_id}", 200);
    await expectContract(await api(fake, null, "/app/installations/999", { headers }), "GET", "/app/installations/{installation_id}", 404);
    await expectContract(await api(fake, null, "/orgs/acme/installation", { headers }), "GET", "/orgs/{org}/installation", 200);
    await expectContract(await api(fake, null, "/orgs/initech/installation", { headers }), "GET", "/orgs/{org}/installation", 404);
    await expectContract(await api(fake, acme, "/app/installations"), "GET", "/app/installations", 401);
    const etag = (await api(fake, null, "/app/installations", { headers })).headers.get("etag")!;
    await expectContract(await api(fake, null, "/app/installations", { headers: { ...headers, "if-none-match": etag } }), "GET", "/app/installations", 304);
  });

  it("describes a suspended installation, and an installation with selected repositories", async () => {
    const headers = { authorization: `Bearer ${await appJwt(fake)}` };
    await control(fake, "orgs/globex/installation", { action: "suspend", sender: "octocat" });
    const suspended = (await expectContract(await api(fake, null, "/orgs/globex/installation", { headers }), "GET", "/orgs/{org}/installation", 200)) as Json;
    expect(suspended).toMatchObject({ suspended_by: { login: "octocat" }, suspended_at: expect.any(String) });
    await expectContract(await api(fake, null, "/app/installations/102/access_tokens", { method: "POST", headers }), "POST", "/app/installations/{installation_id}/access_tokens", 403);
    await control(fake, "orgs/globex/installation", { action: "unsuspend" });
  });

  it("creates installation tokens and refuses bad requests as documented", async () => {
    const template = "/app/installations/{installation_id}/access_tokens";
    const headers = { authorization: `Bearer ${await appJwt(fake)}` };
    await expectContract(await api(fake, null, "/app/installations/101/access_tokens", { method: "POST", headers }), "POST", template, 201);
    await expectContract(await api(fake, null, "/app/installations/999/access_tokens", { method: "POST", headers }), "POST", template, 404);
    await expectContract(
      await api(fake, null, "/app/installations/101/access_tokens", { method: "POST", headers, body: { permissions: { administration: "write" } } }),
      "POST", template, 422,
    );
    await expectContract(await api(fake, null, "/app/installations/101/access_tokens", { method: "POST" }), "POST", template, 401);
    await expectContract(await api(fake, null, "/app/installations/101/access_tokens", { method: "POST", headers, body: "[1]" }), "POST", template, 400);
  });
});

describe("app manifests", () => {
  it("converts a code to the app with its secrets, then answers 404", async () => {
    const manifest = JSON.stringify({ name: "Contract App", url: "http://127.0.0.1:3999", redirect_url: "http://127.0.0.1:3999/done", hook_attributes: { url: "http://127.0.0.1:3999/hooks" } });
    const created = await fetch(`${fake.url}/organizations/acme/settings/apps/new`, { method: "POST", body: new URLSearchParams({ manifest, confirm: "1", name: "Contract App" }), redirect: "manual" });
    const code = new URL(created.headers.get("location")!).searchParams.get("code")!;
    const template = "/app-manifests/{code}/conversions";
    const app = (await expectContract(await api(fake, null, `/app-manifests/${code}/conversions`, { method: "POST" }), "POST", template, 201)) as Json;
    expect(app.slug).toBe("contract-app");
    await expectContract(await api(fake, null, `/app-manifests/${code}/conversions`, { method: "POST" }), "POST", template, 404);
  });
});

describe("answers outside any operation", () => {
  it("uses GitHub's basic-error for an unknown path and an unsupported API version", async () => {
    await expectBasicError(await api(fake, acme, "/repos/acme/payments-api"), 404);
    await expectBasicError(await api(fake, acme, "/orgs/acme/personal-access-tokens", { headers: { "x-github-api-version": "2001-01-01" } }), 400);
  });
});

describe("membership and user endpoints", () => {
  it("answers org-membership, 404 for non-members and 403 for another org's installation", async () => {
    const template = "/orgs/{org}/memberships/{username}";
    const body = (await expectContract(await api(fake, acme, "/orgs/acme/memberships/mona"), "GET", template, 200)) as Json;
    expect(body).toMatchObject({ role: "admin", state: "active" });
    await expectContract(await api(fake, acme, `/orgs/acme/memberships/${USERS.billLumbergh.login}`), "GET", template, 404);
    await expectContract(await api(fake, globex, "/orgs/acme/memberships/mona"), "GET", template, 403);
    await expectContract(await api(fake, null, "/orgs/acme/memberships/mona"), "GET", template, 401);
    const etag = (await api(fake, acme, "/orgs/acme/memberships/mona")).headers.get("etag")!;
    await expectContract(await api(fake, acme, "/orgs/acme/memberships/mona", { headers: { "if-none-match": etag } }), "GET", template, 304);
  });

  it("answers /user and /user/emails for a signed-in user, 401 without and 403 for an installation", async () => {
    const user = await signIn(fake, "octocat");
    const me = (await expectContract(await api(fake, user, "/user"), "GET", "/user", 200)) as Json;
    expect(me.login).toBe("octocat");
    await expectContract(await api(fake, user, "/user/emails"), "GET", "/user/emails", 200);
    await expectContract(await api(fake, null, "/user"), "GET", "/user", 401);
    await expectContract(await api(fake, acme, "/user"), "GET", "/user", 403);
    await expectContract(await api(fake, "ghu_not-a-token", "/user/emails"), "GET", "/user/emails", 401);
    await expectContract(await api(fake, acme, "/user/emails"), "GET", "/user/emails", 403);
    const etag = (await api(fake, user, "/user")).headers.get("etag")!;
    await expectContract(await api(fake, user, "/user", { headers: { "if-none-match": etag } }), "GET", "/user", 304);
    await control(fake, "user-tokens/expire", { login: "octocat" });
    await expectContract(await api(fake, user, "/user"), "GET", "/user", 401);
  });
});
