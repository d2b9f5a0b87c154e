// The setup routes against fake-github's manifest flow, on a Grantdesk started without app
// credentials: who may start, the state that must come back, the code traded once for the app's
// credentials (stored sealed, used at once by the GitHub client), and the operator token.

import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "@/fake-github/server";
import { appCredentials, appCredentialsStatus } from "@/lib/app-credentials/app-credentials";
import { db } from "@/lib/db/database";
import { githubAppCredentials } from "@/lib/db/schema";
import { listInstalledOrgs } from "@/lib/github/list-installed-orgs";
import { buildAppManifest } from "@/lib/setup/app-manifest";
import { operatorToken } from "@/lib/setup/operator-token";
import { GET as ready } from "../ready/route";
import { GET as callback } from "./callback/route";
import { POST as operator } from "./operator/route";
import { POST as start } from "./start/route";

const APP_URL = "http://grantdesk.test";
let fake: FakeGitHub;

beforeAll(async () => {
  fake = await startFakeGitHub({ port: 0, requests: 5, tokens: 5 });
  for (const name of ["GITHUB_APP_ID", "GITHUB_APP_PRIVATE_KEY", "GITHUB_APP_CLIENT_ID", "GITHUB_APP_CLIENT_SECRET", "GITHUB_WEBHOOK_SECRET"]) delete process.env[name];
  Object.assign(process.env, { GITHUB_URL: fake.url, GITHUB_API_URL: fake.url, AUTH_SECRET: "setup-tests-secret-setup-tests-secret", APP_URL, DATA_DIR: "memory://" });
});

afterAll(() => fake?.close());

/** Cookies the browser holds, as a response set them. */
let cookieJar = "";
const keepCookies = (response: Response) => {
  const set = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
  if (set.length > 0) cookieJar = set.join("; ");
};

function formPost(path: string, fields: Record<string, string>, headers: Record<string, string> = { origin: APP_URL }) {
  return new NextRequest(`${APP_URL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieJar, ...headers },
    body: new URLSearchParams(fields),
  });
}

const manifest = JSON.stringify(buildAppManifest(APP_URL));
const noticeOf = (response: Response) => new URL(response.headers.get("location")!).searchParams.get("notice");

/** What GitHub's page does once the person confirms: registers the app and sends the browser back with the code. */
async function confirmOnGitHub(location: string): Promise<URL> {
  const created = await fetch(location, { method: "POST", body: new URLSearchParams({ manifest, confirm: "1", name: "Grantdesk Setup Test" }), redirect: "manual" });
  expect(created.status).toBe(302);
  return new URL(created.headers.get("location")!);
}

describe("setting up the GitHub App", () => {
  it("starts with no credentials, and says so", async () => {
    const answer = await ready();
    expect(await answer.json()).toEqual({ status: "ready", checks: { database: "ok", github: "not_configured" } });
    expect(appCredentialsStatus()).toBe("none");
  });

  it("refuses a post from another site and an owner that is not a GitHub name, starting nothing", async () => {
    expect(noticeOf(await start(formPost("/api/setup/start", { owner_kind: "organization", org: "acme", manifest }, { origin: "https://evil.example" })))).toBe("cross_site");
    expect(noticeOf(await start(formPost("/api/setup/start", { owner_kind: "organization", org: "-acme", manifest })))).toBe("bad_owner");
  });

  it("sends the form on to GitHub's page with a fresh state, converts the code once, stores the app sealed and uses it at once", async () => {
    const started = await start(formPost("/api/setup/start", { owner_kind: "organization", org: "acme", manifest }));
    expect(started.status).toBe(307);
    const location = started.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^${fake.url}/organizations/acme/settings/apps/new\\?state=[\\w-]{32}$`));
    const setCookie = started.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^grantdesk-setup=v1\.[^;]+;/);
    expect(setCookie.split("; ").slice(1).filter((attribute) => !attribute.startsWith("Expires=")).sort()).toEqual(["HttpOnly", "Max-Age=3600", "Path=/", "SameSite=lax"]);
    keepCookies(started);

    const back = await confirmOnGitHub(location);
    expect(`${back.origin}${back.pathname}`).toBe(`${APP_URL}/api/setup/callback`);
    expect(back.searchParams.get("state")).toBe(new URL(location).searchParams.get("state"));

    // GitHub's answer is only taken from the browser that started: another state is ignored.
    const forged = new URL(back);
    forged.searchParams.set("state", "someone-elses");
    expect(noticeOf(await callback(new NextRequest(forged, { headers: { cookie: cookieJar } })))).toBe("state_mismatch");
    expect(noticeOf(await callback(new NextRequest(back)))).toBe("state_mismatch");

    expect(noticeOf(await callback(new NextRequest(back, { headers: { cookie: cookieJar } })))).toBe("created");
    const apps = (await (await fetch(`${fake.url}/_fake/apps`)).json()) as { apps: Array<{ id: number; slug: string; clientId: string }> };
    const created = apps.apps.find((app) => app.slug === "grantdesk-setup-test")!;
    expect(appCredentialsStatus()).toBe("setup");
    expect(appCredentials()).toMatchObject({ source: "setup", appId: String(created.id), clientId: created.clientId, privateKey: expect.stringMatching(/^-----BEGIN/) });

    const [row] = await (await db()).select().from(githubAppCredentials);
    expect(row).toMatchObject({ appId: created.id, slug: "grantdesk-setup-test", ownerLogin: "acme", clientId: created.clientId });
    expect(row!.secrets).toMatch(/^v1\./);
    expect(row!.secrets).not.toContain("PRIVATE KEY");
    expect(row!.secrets).not.toContain(appCredentials()!.clientSecret);

    // The process-wide client now acts as the new app: installed nowhere yet, then on acme.
    expect(await listInstalledOrgs()).toEqual([]);
    await fetch(`${fake.url}/_fake/apps/${created.id}/installations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ org: "acme" }) });
    expect((await listInstalledOrgs()).map((org) => org.login)).toEqual(["acme"]);
    expect(await (await ready()).json()).toEqual({ status: "ready", checks: { database: "ok", github: "ok" } });

    // The same code again: GitHub refuses it, and nothing changes.
    expect(noticeOf(await callback(new NextRequest(back, { headers: { cookie: cookieJar } })))).toBe("code_refused");
    expect(appCredentials()?.appId).toBe(String(created.id));
  });

  it("is locked once an app exists, until the operator token is given", async () => {
    cookieJar = "";
    const mark = (await (await fetch(`${fake.url}/_fake/log`)).json()).entries.length;
    expect(noticeOf(await start(formPost("/api/setup/start", { owner_kind: "user", manifest })))).toBe("not_allowed");
    expect(noticeOf(await operator(formPost("/api/setup/operator", { token: "guess" })))).toBe("bad_token");
    expect(noticeOf(await operator(formPost("/api/setup/operator", { token: operatorToken() }, { origin: "https://evil.example" })))).toBe("cross_site");
    expect((await (await fetch(`${fake.url}/_fake/log`)).json()).entries.length).toBe(mark);

    const accepted = await operator(formPost("/api/setup/operator", { token: operatorToken() }));
    expect(noticeOf(accepted)).toBe("operator");
    keepCookies(accepted);
    const started = await start(formPost("/api/setup/start", { owner_kind: "user", manifest }));
    expect(started.status).toBe(307);
    expect(started.headers.get("location")).toMatch(new RegExp(`^${fake.url}/settings/apps/new\\?state=`));
  });
});
