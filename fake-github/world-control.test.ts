// The control API that changes the world outside Grantdesk: requests created, reviewed and
// cancelled, tokens revoked and expired, the app installed, suspended and uninstalled — each
// visible through the REST API afterwards, each refusing bad input with a 400 and no change.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { api, appJwt, control, installationToken, startReceiver, waitFor } from "./test-support";
import type { Delivery } from "./webhooks";
import { ORGS, type OrgCounts, type PatGrant, type PatRequest } from "./world";

let fake: FakeGitHub;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  fake = await startFakeGitHub({ requests: 10, tokens: 20, webhookUrl: receiver.url, webhookSecret: "s" });
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
});
beforeEach(() => control(fake, "reset", {}));

const post = (path: string, body: unknown) =>
  fetch(`${fake.url}/_fake/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
const counts = (org = "acme") => control<OrgCounts>(fake, `state/orgs/${org}`);
const deliveries = () => control<{ deliveries: Delivery[] }>(fake, "deliveries").then((body) => body.deliveries);

describe("creating a request", () => {
  it("makes a pending request with sensible generated defaults, listed first by GitHub", async () => {
    const created = await post("orgs/acme/requests", {});
    expect(created.status).toBe(201);
    const request = (await created.json()) as PatRequest;
    expect(request).toMatchObject({ status: "pending", tokenLastUsedAt: null, grantId: null });
    expect(request.tokenName.length).toBeGreaterThan(0);
    expect(request.tokenExpiresAt! - Date.now()).toBeGreaterThan(29 * 86_400_000);
    // The next id after the seeded ones (acme: 11,000,001 + 10 seeded requests).
    expect(request.id).toBe(11_000_011);
    const token = await installationToken(fake, ORGS.acme.installationId);
    const [first] = (await (await api(fake, token, "/orgs/acme/personal-access-token-requests?per_page=1")).json()) as { id: number; token_id: number; reason: string | null }[];
    expect(first).toMatchObject({ id: request.id, token_id: request.tokenId, reason: request.reason });
    expect((await counts()).pendingRequests).toBe(11);
  });

  it("takes the owner, name, reason, permissions, repositories and expiry it is given", async () => {
    const body = {
      owner: "hubot",
      tokenName: "release-bot",
      reason: null,
      permissions: { repository: { contents: "write" }, organization: { members: "read" } },
      expiresAt: null,
    };
    const token = await installationToken(fake, ORGS.acme.installationId);
    const [repository] = (await (await api(fake, token, "/orgs/acme/personal-access-tokens?per_page=100")).json() as { repository_selection: string; repositories_url: string }[]).filter((row) => row.repository_selection === "subset");
    const [repo] = (await (await api(fake, token, new URL(repository!.repositories_url).pathname)).json()) as { name: string }[];
    const response = await post("orgs/acme/requests", { ...body, repositories: [repo!.name] });
    expect(response.status).toBe(201);
    const request = (await response.json()) as PatRequest;
    expect(request).toMatchObject({
      tokenName: "release-bot",
      reason: null,
      tokenExpiresAt: null,
      repositorySelection: "subset",
      permissions: { repository: { contents: "write", metadata: "read" }, organization: { members: "read" }, other: {} },
    });
    const listed = (await (await api(fake, token, `/orgs/acme/personal-access-token-requests/${request.id}/repositories`)).json()) as { name: string }[];
    expect(listed.map((row) => row.name)).toEqual([repo!.name]);
  });

  it("refuses bad input with 400 (404 for an unknown org or user) and creates nothing", async () => {
    const cases: [unknown, number][] = [
      ["not json", 400],
      [{ owner: "hubot", extra: 1 }, 400],
      [{ permissions: { repository: { contents: "admin" } } }, 400],
      [{ permissions: { repository: { not_a_permission: "read" } } }, 400],
      [{ permissions: { repository: { contents: "read" } }, repositorySelection: "none" }, 400],
      [{ repositories: ["no-such-repository"] }, 400],
      [{ expiresAt: "tomorrow" }, 400],
      [{ tokenName: "x".repeat(41) }, 400],
      [{ owner: "bill-lumbergh" }, 400],
      [{ owner: "nobody-at-all" }, 404],
    ];
    for (const [body, status] of cases) expect((await post("orgs/acme/requests", body)).status, JSON.stringify(body)).toBe(status);
    expect((await post("orgs/nowhere/requests", {})).status).toBe(404);
    expect((await counts()).pendingRequests).toBe(10);
  });
});

describe("reviewing, cancelling, revoking and expiring", () => {
  it("approve as an owner creates the grant; a second review or a cancel of it is a 409", async () => {
    const request = (await (await post("orgs/acme/requests", { owner: "hubot" })).json()) as PatRequest;
    const reviewed = await post(`orgs/acme/requests/${request.id}/review`, { action: "approve", reason: "ok" });
    expect(reviewed.status).toBe(200);
    const stored = (await reviewed.json()) as PatRequest;
    expect(stored).toMatchObject({ status: "approved", reviewReason: "ok" });
    expect(await control<PatGrant>(fake, `state/orgs/acme/tokens/${stored.grantId}`)).toMatchObject({ tokenId: request.tokenId, status: "active" });
    expect((await post(`orgs/acme/requests/${request.id}/review`, { action: "deny" })).status).toBe(409);
    expect((await post(`orgs/acme/requests/${request.id}/cancel`, {})).status).toBe(409);
    expect((await post(`orgs/acme/requests/${request.id}/review`, { action: "approve", reviewer: "hubot" })).status).toBe(400);
    expect((await post("orgs/acme/requests/1/review", { action: "approve" })).status).toBe(404);
  });

  it("cancel takes a request off the queue", async () => {
    const request = (await (await post("orgs/acme/requests", {})).json()) as PatRequest;
    expect(await (await post(`orgs/acme/requests/${request.id}/cancel`, {})).json()).toMatchObject({ status: "cancelled" });
    expect(await counts()).toMatchObject({ pendingRequests: 10, cancelledRequests: 1 });
    const token = await installationToken(fake, ORGS.acme.installationId);
    expect((await api(fake, token, `/orgs/acme/personal-access-token-requests/${request.id}`, { method: "POST", body: { action: "approve" } })).status).toBe(422);
  });

  it("revoke and expire change what the token list says", async () => {
    const token = await installationToken(fake, ORGS.acme.installationId);
    const rows = (await (await api(fake, token, "/orgs/acme/personal-access-tokens?per_page=100")).json()) as { id: number; token_expired: boolean }[];
    const live = rows.filter((row) => !row.token_expired);
    expect(await (await post(`orgs/acme/tokens/${live[0]!.id}/revoke`, {})).json()).toMatchObject({ status: "revoked" });
    expect((await post(`orgs/acme/tokens/${live[0]!.id}/revoke`, {})).status).toBe(409);
    expect((await post(`orgs/acme/tokens/${live[1]!.id}/expire`, {})).status).toBe(200);
    const after = (await (await api(fake, token, "/orgs/acme/personal-access-tokens?per_page=100")).json()) as { id: number; token_expired: boolean }[];
    expect(after.some((row) => row.id === live[0]!.id)).toBe(false);
    expect(after.find((row) => row.id === live[1]!.id)?.token_expired).toBe(true);
    expect((await post("orgs/acme/tokens/1/expire", {})).status).toBe(404);
  });
});

describe("installations", () => {
  it("install the app on initech: a new installation id, an installation.created webhook, and access", async () => {
    const response = await post("orgs/initech/installation", { action: "install" });
    expect(response.status).toBe(201);
    const { installation } = (await response.json()) as { installation: { id: number } };
    expect(installation.id).toBeGreaterThan(ORGS.globex.installationId);
    const list = await waitFor(deliveries, (items) => items.some((delivery) => delivery.event === "installation" && delivery.state !== "queued"));
    const created = list.find((delivery) => delivery.event === "installation")!;
    expect(created).toMatchObject({ action: "created", installationId: installation.id, statusCode: 200 });
    expect(created.payload).toMatchObject({ installation: { id: installation.id, account: { login: "initech" } }, sender: { login: "bill-lumbergh" } });
    const token = await installationToken(fake, installation.id);
    expect((await api(fake, token, "/orgs/initech/personal-access-tokens")).status).toBe(200);
    expect((await post("orgs/initech/installation", { action: "install" })).status).toBe(409);
  });

  it("suspend refuses tokens (403), unsuspend restores them, uninstall kills them (401) and a reinstall gets a new id", async () => {
    const token = await installationToken(fake, ORGS.acme.installationId);
    expect((await post("orgs/acme/installation", { action: "suspend", sender: "mona" })).status).toBe(200);
    expect((await api(fake, token, "/orgs/acme/personal-access-tokens")).status).toBe(403);
    const suspendedToken = await fetch(`${fake.url}/app/installations/${ORGS.acme.installationId}/access_tokens`, { method: "POST", headers: { authorization: `Bearer ${await appJwt(fake)}` } });
    expect(suspendedToken.status).toBe(403);
    expect(((await suspendedToken.json()) as { message: string }).message).toBe("This installation has been suspended");
    expect((await post("orgs/acme/installation", { action: "suspend" })).status).toBe(409);
    expect((await post("orgs/acme/installation", { action: "unsuspend" })).status).toBe(200);
    expect((await api(fake, token, "/orgs/acme/personal-access-tokens")).status).toBe(200);

    expect(await (await post("orgs/acme/installation", { action: "uninstall" })).json()).toEqual({ installation: null });
    expect((await api(fake, token, "/orgs/acme/personal-access-tokens")).status).toBe(401);
    const installations = (await (await api(fake, null, "/app/installations", { headers: { authorization: `Bearer ${await appJwt(fake)}` } })).json()) as { id: number }[];
    expect(installations.map((installation) => installation.id)).toEqual([ORGS.globex.installationId]);
    const { installation } = (await (await post("orgs/acme/installation", { action: "install" })).json()) as { installation: { id: number } };
    expect(installation.id).not.toBe(ORGS.acme.installationId);

    const list = await waitFor(deliveries, (items) => items.filter((delivery) => delivery.event === "installation" && delivery.state !== "queued").length >= 4);
    expect(list.filter((delivery) => delivery.event === "installation").map((delivery) => delivery.action).reverse()).toEqual(["suspend", "unsuspend", "deleted", "created"]);
  });

  it("repositories: a selection sends installation_repositories with what was removed, and back to all", async () => {
    const response = await post("orgs/globex/installation", { action: "repositories", repositories: ["no-such-repo"] });
    expect(response.status).toBe(400);
    const token = await installationToken(fake, ORGS.globex.installationId);
    const [grant] = (await (await api(fake, token, "/orgs/globex/personal-access-tokens?per_page=100")).json() as { repository_selection: string; repositories_url: string }[]).filter((row) => row.repository_selection === "subset");
    const [repo] = (await (await api(fake, token, new URL(grant!.repositories_url).pathname)).json()) as { name: string }[];
    const selected = await post("orgs/globex/installation", { action: "repositories", repositories: [repo!.name] });
    expect(await selected.json()).toMatchObject({ installation: { repositorySelection: "selected" } });
    await post("orgs/globex/installation", { action: "repositories", repositories: "all" });
    const list = await waitFor(deliveries, (items) => items.filter((delivery) => delivery.state !== "queued").length >= 2);
    const [back, narrowed] = list as [Delivery, Delivery];
    expect(narrowed).toMatchObject({ event: "installation_repositories", action: "removed" });
    expect((narrowed.payload as { repositories_removed: unknown[]; repository_selection: string }).repository_selection).toBe("selected");
    expect((narrowed.payload as { repositories_removed: unknown[] }).repositories_removed).toHaveLength(29);
    expect(back).toMatchObject({ event: "installation_repositories", action: "added" });
  });
});
