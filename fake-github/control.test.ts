// The /_fake control surface: the request log, reset, membership changes and stored state.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogEntry } from "./request-log";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { api, control, installationToken } from "./test-support";
import { ORGS } from "./world";

let fake: FakeGitHub;

beforeAll(async () => {
  fake = await startFakeGitHub({ requests: 10, tokens: 20 });
});
afterAll(() => fake.close());

const log = (since?: number) => control<{ entries: LogEntry[] }>(fake, since === undefined ? "log" : `log?since=${since}`).then((body) => body.entries);

describe("the request log", () => {
  it("records every API request in order with method, path, raw query, parsed body and status", async () => {
    await control(fake, "reset", {});
    const token = await installationToken(fake, ORGS.acme.installationId);
    await api(fake, token, "/orgs/acme/personal-access-tokens?owner[]=mona&per_page=2");
    await api(fake, token, "/orgs/acme/personal-access-tokens/1", { method: "POST", body: { action: "revoke" } });
    await fetch(`${fake.url}/login/oauth/access_token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: fake.clientId, client_secret: fake.clientSecret, code: "nope" }),
    });
    await fetch(`${fake.url}/avatars/u/1001`);
    await control(fake, "state/orgs/acme");

    const entries = await log();
    expect(entries.map(({ seq, method, path, query, body, status }) => ({ seq, method, path, query, body, status }))).toEqual([
      { seq: 1, method: "POST", path: "/app/installations/101/access_tokens", query: "", body: null, status: 201 },
      { seq: 2, method: "GET", path: "/orgs/acme/personal-access-tokens", query: "owner[]=mona&per_page=2", body: null, status: 200 },
      { seq: 3, method: "POST", path: "/orgs/acme/personal-access-tokens/1", query: "", body: { action: "revoke" }, status: 404 },
      { seq: 4, method: "POST", path: "/login/oauth/access_token", query: "", body: { client_id: fake.clientId, client_secret: "[redacted]", code: "nope" }, status: 200 },
    ]);
    expect(Date.parse(entries[0]!.time)).not.toBeNaN();
    // Which credential made each call: the app's JWT, then its installation token, then none.
    expect(entries.map(({ auth, appId, installationId, user }) => ({ auth, appId, installationId, user }))).toEqual([
      { auth: "app", appId: fake.appId, installationId: null, user: null },
      { auth: "installation", appId: fake.appId, installationId: ORGS.acme.installationId, user: null },
      { auth: "installation", appId: fake.appId, installationId: ORGS.acme.installationId, user: null },
      { auth: null, appId: null, installationId: null, user: null },
    ]);
    expect((await log(2)).map((entry) => entry.seq)).toEqual([3, 4]);
    expect(await log(4)).toEqual([]);
  });
});

describe("reset", () => {
  it("clears the log, faults and issued tokens, and rebuilds the same world", async () => {
    const token = await installationToken(fake, ORGS.acme.installationId);
    const before = await (await api(fake, token, "/orgs/acme/personal-access-tokens?per_page=5")).json();
    await control(fake, "faults", { faults: [{ path: "^/user$", status: 500 }] });
    await control(fake, "reset", {});
    expect(await log()).toEqual([]);
    expect(await control(fake, "faults")).toEqual({ faults: [] });
    expect((await api(fake, token, "/orgs/acme/personal-access-tokens")).status).toBe(401);
    const fresh = await installationToken(fake, ORGS.acme.installationId);
    const after = (await (await api(fake, fresh, "/orgs/acme/personal-access-tokens?per_page=5")).json()) as { id: number; token_name: string; owner: { login: string } }[];
    expect(after.map(({ id, token_name, owner }) => ({ id, token_name, login: owner.login }))).toEqual(
      (before as typeof after).map(({ id, token_name, owner }) => ({ id, token_name, login: owner.login })),
    );
  });
});

describe("memberships", () => {
  it("demotes an owner, and the membership endpoint and owner-only access follow", async () => {
    await control(fake, "reset", {});
    const token = await installationToken(fake, ORGS.acme.installationId);
    const changed = await control(fake, "memberships", { org: "acme", username: "mona", role: "member" });
    expect(changed).toEqual({ org: "acme", username: "mona", role: "member", state: "active" });
    expect(await (await api(fake, token, "/orgs/acme/memberships/mona")).json()).toMatchObject({ role: "member", state: "active" });
    await control(fake, "memberships", { org: "acme", username: "bill-lumbergh", role: "admin", state: "pending" });
    expect(await (await api(fake, token, "/orgs/acme/memberships/bill-lumbergh")).json()).toMatchObject({ role: "admin", state: "pending" });
  });

  it("refuses bad input", async () => {
    const post = (body: unknown) => fetch(`${fake.url}/_fake/memberships`, { method: "POST", body: JSON.stringify(body) });
    expect((await post({ org: "acme", username: "mona", role: "owner" })).status).toBe(400);
    expect((await post({ org: "nowhere", username: "mona", role: "admin" })).status).toBe(404);
    expect((await post({ org: "acme", username: "nobody-at-all", role: "admin" })).status).toBe(404);
  });
});

describe("runtime config", () => {
  it("takes the webhook URL and secret, user token lifetime and auto-requests; refuses bad values", async () => {
    await control(fake, "reset", {});
    const config = await control(fake, "config", { webhookUrl: "http://127.0.0.1:9/hooks", webhookSecret: "x", userTokenTtlSeconds: 60 });
    expect(config).toMatchObject({ webhookUrl: "http://127.0.0.1:9/hooks", webhookSecret: "x", userTokenTtlSeconds: 60, autoRequestEveryMs: 0 });
    const post = (body: unknown) => fetch(`${fake.url}/_fake/config`, { method: "POST", body: JSON.stringify(body) });
    for (const body of [{ webhookUrl: "ftp://x" }, { userTokenTtlSeconds: -1 }, { autoRequestEveryMs: 50 }, { unknown: 1 }]) {
      expect((await post(body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(await control(fake, "config")).toMatchObject({ webhookUrl: "http://127.0.0.1:9/hooks", userTokenTtlSeconds: 60 });
    await control(fake, "reset", {});
    expect(await control(fake, "config")).toMatchObject({ webhookUrl: null, webhookSecret: null, userTokenTtlSeconds: 28_800 });
  });
});

describe("stored state", () => {
  it("returns org counts and raw records, 404 for unknown ones", async () => {
    await control(fake, "reset", {});
    expect(await control(fake, "state/orgs/globex")).toEqual({ pendingRequests: 12, activeTokens: 40, revokedTokens: 0, reviewedRequests: 0, cancelledRequests: 0 });
    const token = await installationToken(fake, ORGS.acme.installationId);
    const [row] = (await (await api(fake, token, "/orgs/acme/personal-access-token-requests?per_page=1")).json()) as { id: number; token_id: number }[];
    expect(await control(fake, `state/orgs/acme/requests/${row!.id}`)).toMatchObject({ id: row!.id, tokenId: row!.token_id, status: "pending" });
    expect((await fetch(`${fake.url}/_fake/state/orgs/acme/tokens/${row!.id}`)).status).toBe(404);
    expect((await fetch(`${fake.url}/_fake/state/orgs/nowhere`)).status).toBe(404);
  });
});
