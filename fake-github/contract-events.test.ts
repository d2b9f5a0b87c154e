// Contract test for what is not in the REST description: every webhook payload fake-github sends
// validates against GitHub's webhook schemas (@octokit/openapi-webhooks), and the OAuth token
// endpoint's answers (sign-in, refresh, errors) match the fields GitHub documents for them.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ajv, expectWebhookPayload } from "./contract-support";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { api, control, installationToken, startReceiver, waitFor } from "./test-support";
import type { Delivery } from "./webhooks";
import { ORGS } from "./world";

let fake: FakeGitHub;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  fake = await startFakeGitHub({ requests: 10, tokens: 30, applyDelayMs: 10, webhookUrl: receiver.url, webhookSecret: "s" });
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
});

const settled = (count: number) =>
  waitFor(
    () => control<{ deliveries: Delivery[] }>(fake, "deliveries").then((body) => body.deliveries),
    (list) => list.length >= count && list.every((delivery) => delivery.state !== "queued"),
  );

describe("webhook payloads", () => {
  it("personal_access_token_request: created, approved, denied, cancelled — from controls and REST calls", async () => {
    await control(fake, "reset", {});
    const token = await installationToken(fake, ORGS.acme.installationId);
    const subset = await control<{ id: number }>(fake, "orgs/acme/requests", { permissions: { repository: { contents: "read" } }, repositorySelection: "subset" });
    const none = await control<{ id: number }>(fake, "orgs/acme/requests", { permissions: { organization: { members: "read" } }, expiresAt: null });
    const all = await control<{ id: number }>(fake, "orgs/acme/requests", { permissions: { repository: { issues: "write" } }, repositorySelection: "all" });
    await control(fake, `orgs/acme/requests/${subset.id}/review`, { action: "approve" });
    await api(fake, token, `/orgs/acme/personal-access-token-requests/${none.id}`, { method: "POST", body: { action: "deny" } });
    await control(fake, `orgs/acme/requests/${all.id}/cancel`, {});
    const list = await settled(6);
    expect(list.map((delivery) => delivery.action).reverse()).toEqual(["created", "created", "created", "approved", "denied", "cancelled"]);
    for (const delivery of list) expectWebhookPayload(`webhook-personal-access-token-request-${delivery.action}`, delivery.payload);
  });

  it("installation: created, suspend, unsuspend, deleted; installation_repositories: removed, added", async () => {
    await control(fake, "reset", {});
    await control(fake, "orgs/initech/installation", { action: "install" });
    await control(fake, "orgs/initech/installation", { action: "suspend" });
    await control(fake, "orgs/initech/installation", { action: "unsuspend" });
    await control(fake, "orgs/globex/installation", { action: "repositories", repositories: [await firstRepository("globex")] });
    await control(fake, "orgs/globex/installation", { action: "repositories", repositories: "all" });
    await control(fake, "orgs/initech/installation", { action: "uninstall" });
    const list = await settled(6);
    expect(list.map((delivery) => `${delivery.event}.${delivery.action}`).reverse()).toEqual([
      "installation.created",
      "installation.suspend",
      "installation.unsuspend",
      "installation_repositories.removed",
      "installation_repositories.added",
      "installation.deleted",
    ]);
    for (const delivery of list) expectWebhookPayload(`webhook-${delivery.event.replace(/_/g, "-")}-${delivery.action}`, delivery.payload);
  });
});

/** The name of an org's first repository, read through the REST API as a client would. */
async function firstRepository(org: "globex"): Promise<string> {
  const token = await installationToken(fake, ORGS[org].installationId);
  const rows = (await (await api(fake, token, `/orgs/${org}/personal-access-tokens?per_page=100`)).json()) as { repository_selection: string; repositories_url: string }[];
  const subset = rows.find((row) => row.repository_selection === "subset")!;
  const [repository] = (await (await api(fake, token, new URL(subset.repositories_url).pathname)).json()) as { name: string }[];
  return repository!.name;
}

// GitHub documents these answers in "Generating a user access token for a GitHub App" and
// "Refreshing user access tokens" (they are not part of the REST description).
const expiringTokenAnswer = {
  type: "object",
  required: ["access_token", "expires_in", "refresh_token", "refresh_token_expires_in", "token_type", "scope"],
  additionalProperties: false,
  properties: {
    access_token: { type: "string", pattern: "^ghu_[A-Za-z0-9]{36}$" },
    expires_in: { type: "integer", minimum: 1 },
    refresh_token: { type: "string", pattern: "^ghr_[A-Za-z0-9]{76}$" },
    refresh_token_expires_in: { const: 15_811_200 },
    token_type: { const: "bearer" },
    scope: { const: "" },
  },
};
const tokenErrorAnswer = {
  type: "object",
  required: ["error", "error_description", "error_uri"],
  additionalProperties: false,
  properties: { error: { type: "string" }, error_description: { type: "string" }, error_uri: { type: "string", format: "uri" } },
};

describe("OAuth token answers", () => {
  const call = async (fields: Record<string, string>) => {
    const response = await fetch(`${fake.url}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json" },
      body: new URLSearchParams({ client_id: fake.clientId, client_secret: fake.clientSecret, ...fields }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, string>;
  };
  const expectShape = (schema: object, body: unknown) => {
    const validate = ajv.compile(schema);
    expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
  };

  it("sign-in and refresh answer the expiring-token fields; errors answer error, description and uri", async () => {
    const authorize = await fetch(`${fake.url}/login/oauth/authorize`, { method: "POST", body: new URLSearchParams({ client_id: fake.clientId, login: "mona" }), redirect: "manual" });
    const signedIn = await call({ code: new URL(authorize.headers.get("location")!).searchParams.get("code")! });
    expectShape(expiringTokenAnswer, signedIn);
    const refreshed = await call({ grant_type: "refresh_token", refresh_token: signedIn.refresh_token! });
    expectShape(expiringTokenAnswer, refreshed);
    const reused = await call({ grant_type: "refresh_token", refresh_token: signedIn.refresh_token! });
    expectShape(tokenErrorAnswer, reused);
    expect(reused.error).toBe("bad_refresh_token");
    expectShape(tokenErrorAnswer, await call({ code: "nope" }));
    expectShape(tokenErrorAnswer, await call({ grant_type: "password" }));
  });
});
