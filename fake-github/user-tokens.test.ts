// User access tokens as a GitHub App with expiring user tokens gets them: 8-hour ghu_ tokens with
// a 6-month ghr_ refresh token, refresh that retires the old pair, GitHub's bad_refresh_token
// answer, the controls that expire or revoke them, and what a user token may reach.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LogEntry } from "./request-log";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { api, control } from "./test-support";

let fake: FakeGitHub;

beforeAll(async () => {
  fake = await startFakeGitHub({ requests: 10, tokens: 20 });
});
afterAll(() => fake.close());
beforeEach(() => control(fake, "reset", {}));

interface TokenAnswer {
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  error?: string;
  error_description?: string;
}

async function tokenCall(body: Record<string, string>): Promise<{ status: number; body: TokenAnswer }> {
  const response = await fetch(`${fake.url}/login/oauth/access_token`, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: fake.clientId, client_secret: fake.clientSecret, ...body }),
  });
  return { status: response.status, body: (await response.json()) as TokenAnswer };
}

async function signInPair(login: string): Promise<TokenAnswer> {
  const authorize = await fetch(`${fake.url}/login/oauth/authorize`, { method: "POST", body: new URLSearchParams({ client_id: fake.clientId, login }), redirect: "manual" });
  const code = new URL(authorize.headers.get("location")!).searchParams.get("code")!;
  return (await tokenCall({ code })).body;
}

const refresh = (refreshToken: string) => tokenCall({ grant_type: "refresh_token", refresh_token: refreshToken });

describe("refreshing", () => {
  it("trades a refresh token for a new pair; the old refresh and access tokens stop working", async () => {
    const first = await signInPair("mona");
    expect(first).toMatchObject({ expires_in: 28_800, refresh_token_expires_in: 15_811_200 });
    expect((await api(fake, first.access_token!, "/user")).status).toBe(200);
    const second = await refresh(first.refresh_token!);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ access_token: expect.stringMatching(/^ghu_/), refresh_token: expect.stringMatching(/^ghr_/), expires_in: 28_800 });
    expect(second.body.access_token).not.toBe(first.access_token);
    expect((await api(fake, first.access_token!, "/user")).status).toBe(401);
    expect((await api(fake, second.body.access_token!, "/user")).status).toBe(200);

    const reused = await refresh(first.refresh_token!);
    expect(reused).toEqual({
      status: 200,
      body: { error: "bad_refresh_token", error_description: "The refresh token passed is incorrect or expired.", error_uri: expect.stringMatching(/^https:\/\/docs\.github\.com\//) },
    });
    expect((await refresh("ghr_made-up")).body.error).toBe("bad_refresh_token");
    expect((await tokenCall({ grant_type: "refresh_token", refresh_token: second.body.refresh_token!, client_secret: "wrong" })).body.error).toBe("incorrect_client_credentials");
  });

  it("takes its lifetime from /_fake/config, and 0 turns expiring tokens off", async () => {
    await control(fake, "config", { userTokenTtlSeconds: 60 });
    expect((await signInPair("mona")).expires_in).toBe(60);
    await control(fake, "config", { userTokenTtlSeconds: 0 });
    const plain = await signInPair("mona");
    expect(Object.keys(plain).sort()).toEqual(["access_token", "scope", "token_type"]);
  });
});

describe("controls", () => {
  it("expire a user's access tokens now: 401 Bad credentials, while a refresh still works", async () => {
    const mona = await signInPair("mona");
    const hubot = await signInPair("hubot");
    expect(await control(fake, "user-tokens/expire", { login: "mona" })).toEqual({ login: "mona", expired: 1 });
    const refused = await api(fake, mona.access_token!, "/user");
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ message: "Bad credentials" });
    expect((await api(fake, hubot.access_token!, "/user")).status).toBe(200);
    expect((await refresh(mona.refresh_token!)).body.access_token).toMatch(/^ghu_/);
  });

  it("revoke a user's refresh tokens: the next refresh is bad_refresh_token", async () => {
    const mona = await signInPair("mona");
    expect(await control(fake, "user-tokens/revoke-refresh", { login: "mona" })).toEqual({ login: "mona", revoked: 1 });
    expect((await refresh(mona.refresh_token!)).body.error).toBe("bad_refresh_token");
    const bad = await fetch(`${fake.url}/_fake/user-tokens/expire`, { method: "POST", body: JSON.stringify({ login: "nobody-at-all" }) });
    expect(bad.status).toBe(404);
    expect((await fetch(`${fake.url}/_fake/user-tokens/expire`, { method: "POST", body: JSON.stringify({}) })).status).toBe(400);
  });
});

describe("what a user token reaches", () => {
  it("PAT endpoints of an org where the user is an active owner and the app is installed", async () => {
    const mona = (await signInPair("mona")).access_token!;
    const octocat = (await signInPair("octocat")).access_token!;
    const bill = (await signInPair("bill-lumbergh")).access_token!;
    expect((await api(fake, mona, "/orgs/acme/personal-access-tokens")).status).toBe(200);
    expect((await api(fake, octocat, "/orgs/acme/personal-access-tokens")).status).toBe(403);
    expect((await api(fake, octocat, "/orgs/globex/personal-access-token-requests")).status).toBe(200);
    // initech: bill owns it, but the app is not installed there.
    expect((await api(fake, bill, "/orgs/initech/personal-access-tokens")).status).toBe(404);
    await control(fake, "orgs/initech/installation", { action: "install" });
    expect((await api(fake, bill, "/orgs/initech/personal-access-tokens")).status).toBe(200);
    await control(fake, "memberships", { org: "acme", username: "mona", role: "admin", state: "pending" });
    expect((await api(fake, mona, "/orgs/acme/personal-access-tokens")).status).toBe(403);
  });

  it("is named in the request log, so a write can be shown to come from the owner's user token", async () => {
    const mona = (await signInPair("mona")).access_token!;
    const [row] = (await (await api(fake, mona, "/orgs/acme/personal-access-tokens?per_page=1")).json()) as { id: number }[];
    await api(fake, mona, `/orgs/acme/personal-access-tokens/${row!.id}`, { method: "POST", body: { action: "revoke" } });
    const { entries } = await control<{ entries: LogEntry[] }>(fake, "log");
    const write = entries.find((entry) => entry.method === "POST" && entry.path.endsWith(`/${row!.id}`))!;
    expect(write).toMatchObject({ status: 204, auth: "user", user: "mona", appId: fake.appId, installationId: null });
  });
});
