// Registering a GitHub App from a manifest, then using it like any app: the creation page, the
// redirect with code and state, the one-time conversion, JWTs signed with the new key, the install
// page, installation tokens, its OAuth client and its webhook.

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { api, appJwt, control, startReceiver, waitFor } from "./test-support";
import type { Delivery } from "./webhooks";
import { ORGS } from "./world";

let fake: FakeGitHub;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  fake = await startFakeGitHub({ requests: 5, tokens: 10 });
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
});
beforeEach(() => control(fake, "reset", {}));

const REDIRECT = "http://127.0.0.1:3999/setup/github/callback";

const manifest = () => ({
  name: "Grantdesk Staging",
  url: "http://127.0.0.1:3999",
  hook_attributes: { url: receiver.url },
  redirect_url: REDIRECT,
  callback_urls: ["http://127.0.0.1:3999/api/auth/callback/github"],
  setup_url: "http://127.0.0.1:3999/setup/github/installed",
  description: "Grantdesk, staging",
  public: false,
  default_events: ["personal_access_token_request"],
  default_permissions: { members: "read", organization_personal_access_token_requests: "write", organization_personal_access_tokens: "write" },
});

function post(path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${fake.url}${path}`, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });
}

/** Runs the flow through the page's form, as a person would; returns the code and state. */
async function register(path = "/organizations/acme/settings/apps/new", extra: Record<string, string> = {}): Promise<{ code: string; state: string | null }> {
  const manifestText = JSON.stringify(manifest());
  const pageResponse = await post(`${path}?state=st4te`, { manifest: manifestText });
  expect(pageResponse.status).toBe(200);
  const html = await pageResponse.text();
  const action = /<form method="post" action="([^"]+)">/.exec(html)![1]!.replace(/&amp;/g, "&");
  const confirmed = await post(action, { manifest: manifestText, confirm: "1", name: "Grantdesk Staging", ...extra });
  expect(confirmed.status).toBe(302);
  const location = new URL(confirmed.headers.get("location")!);
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  return { code: location.searchParams.get("code")!, state: location.searchParams.get("state") };
}

interface Conversion {
  id: number;
  slug: string;
  client_id: string;
  client_secret: string;
  webhook_secret: string;
  pem: string;
  owner: { login: string };
}

describe("the creation page", () => {
  it("shows what will be created with a Create GitHub App button, for an org or a person", async () => {
    const html = await (await post("/organizations/acme/settings/apps/new?state=abc", { manifest: JSON.stringify(manifest()) })).text();
    expect(html).toContain(">Create GitHub App for acme</button>");
    expect(html).toContain('value="Grantdesk Staging"');
    expect(html).toContain("organization_personal_access_tokens: write");
    const personal = await (await post("/settings/apps/new", { manifest: JSON.stringify(manifest()) })).text();
    expect(personal).toContain(">Create GitHub App for your account</button>");
    expect(personal).toContain('<select id="login" name="login">');
  });

  it("refuses a missing or invalid manifest, and a name already taken", async () => {
    expect((await post("/settings/apps/new", {})).status).toBe(422);
    expect((await post("/settings/apps/new", { manifest: "{" })).status).toBe(422);
    expect((await post("/settings/apps/new", { manifest: JSON.stringify({ name: "x" }) })).status).toBe(422);
    const taken = await post("/organizations/acme/settings/apps/new", { manifest: JSON.stringify(manifest()), confirm: "1", name: "Grantdesk" });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain("Name &quot;Grantdesk&quot; is already in use.");
    expect((await post("/organizations/nowhere/settings/apps/new", { manifest: JSON.stringify(manifest()) })).status).toBe(404);
  });
});

describe("the conversion", () => {
  it("answers 201 with the app and its secrets once, then 404 like GitHub", async () => {
    const { code, state } = await register();
    expect(state).toBe("st4te");
    const first = await fetch(`${fake.url}/app-manifests/${code}/conversions`, { method: "POST" });
    expect(first.status).toBe(201);
    const app = (await first.json()) as Conversion;
    expect(app).toMatchObject({ slug: "grantdesk-staging", owner: { login: "acme" }, client_id: expect.stringMatching(/^Iv23li/), webhook_secret: expect.any(String) });
    expect(app.pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    const again = await fetch(`${fake.url}/app-manifests/${code}/conversions`, { method: "POST" });
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual({ message: "Not Found", documentation_url: "https://docs.github.com/rest/apps/apps#create-a-github-app-from-a-manifest", status: "404" });
  });

  it("expires an hour after registration", async () => {
    const { code } = await register();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 3_600_000 + 1_000 });
    try {
      expect((await fetch(`${fake.url}/app-manifests/${code}/conversions`, { method: "POST" })).status).toBe(404);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the new app", () => {
  it("authenticates with its own key, installs through the install page and works end to end", async () => {
    const { code } = await register("/settings/apps/new", { login: "bill-lumbergh" });
    const app = (await (await fetch(`${fake.url}/app-manifests/${code}/conversions`, { method: "POST" })).json()) as Conversion;
    expect(app.owner.login).toBe("bill-lumbergh");
    const identity = { appId: app.id, appPrivateKeyPem: app.pem };
    const jwt = await appJwt(identity);
    const me = await api(fake, null, "/app", { headers: { authorization: `Bearer ${jwt}` } });
    expect(await me.json()).toMatchObject({ id: app.id, slug: "grantdesk-staging", installations_count: 0 });
    const byClientId = await appJwt(identity, { iss: app.client_id });
    expect((await api(fake, null, "/app/installations", { headers: { authorization: `Bearer ${byClientId}` } })).status).toBe(200);
    // The default app's key does not sign for it.
    expect((await api(fake, null, "/app", { headers: { authorization: `Bearer ${await appJwt(fake, { iss: app.id })}` } })).status).toBe(401);

    const installPage = await (await fetch(`${fake.url}/apps/grantdesk-staging/installations/new?state=inst`)).text();
    expect(installPage).toContain('aria-label="Install on initech">Install</button>');
    const installed = await post("/apps/grantdesk-staging/installations/new", { org: "initech", state: "inst" });
    expect(installed.status).toBe(302);
    const setup = new URL(installed.headers.get("location")!);
    expect(setup.pathname).toBe("/setup/github/installed");
    expect(setup.searchParams.get("setup_action")).toBe("install");
    expect(setup.searchParams.get("state")).toBe("inst");
    const installationId = Number(setup.searchParams.get("installation_id"));
    expect(installationId).not.toBe(ORGS.acme.installationId);
    expect(await (await fetch(`${fake.url}/apps/grantdesk-staging/installations/new`)).text()).not.toContain('aria-label="Install on initech"');

    const tokenResponse = await api(fake, null, `/app/installations/${installationId}/access_tokens`, { method: "POST", headers: { authorization: `Bearer ${jwt}` } });
    expect(tokenResponse.status).toBe(201);
    const { token } = (await tokenResponse.json()) as { token: string };
    expect((await api(fake, token, "/orgs/initech/personal-access-token-requests")).status).toBe(200);
    // Its installation token is its own: the default app's orgs stay closed to it.
    expect((await api(fake, token, "/orgs/acme/personal-access-token-requests")).status).toBe(404);
    // The default app cannot mint tokens for the new app's installation.
    expect((await api(fake, null, `/app/installations/${installationId}/access_tokens`, { method: "POST", headers: { authorization: `Bearer ${await appJwt(fake)}` } })).status).toBe(404);

    // Its webhook got the installation event, signed with its own secret.
    const deliveries = await waitFor(
      () => control<{ deliveries: Delivery[] }>(fake, "deliveries").then((body) => body.deliveries),
      (list) => list.some((delivery) => delivery.state !== "queued"),
    );
    expect(deliveries[0]).toMatchObject({ appId: app.id, event: "installation", action: "created", statusCode: 200 });

    // Its OAuth client signs people in with its own callback URL.
    const authorize = await post("/login/oauth/authorize", { client_id: app.client_id, login: "bill-lumbergh" });
    const callback = new URL(authorize.headers.get("location")!);
    expect(callback.pathname).toBe("/api/auth/callback/github");
    const exchange = await fetch(`${fake.url}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json" },
      body: new URLSearchParams({ client_id: app.client_id, client_secret: app.client_secret, code: callback.searchParams.get("code")! }),
    });
    const { access_token: userToken } = (await exchange.json()) as { access_token: string };
    expect((await api(fake, userToken, "/orgs/initech/personal-access-tokens")).status).toBe(200);
    expect((await api(fake, userToken, "/orgs/globex/personal-access-tokens")).status).toBe(404);
  });

  it("can be installed without the page through the control API, and is gone after a reset", async () => {
    const { code } = await register();
    const app = (await (await fetch(`${fake.url}/app-manifests/${code}/conversions`, { method: "POST" })).json()) as Conversion;
    const response = await fetch(`${fake.url}/_fake/apps/${app.id}/installations`, { method: "POST", body: JSON.stringify({ org: "globex" }) });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { installation: { appId: number } }).installation.appId).toBe(app.id);
    expect((await fetch(`${fake.url}/_fake/apps/${app.id}/installations`, { method: "POST", body: JSON.stringify({ org: "globex" }) })).status).toBe(409);
    await control(fake, "reset", {});
    expect((await fetch(`${fake.url}/_fake/apps/${app.id}/installations`, { method: "POST", body: JSON.stringify({ org: "globex" }) })).status).toBe(404);
  });
});
