// Every route file under app/api, found on disk, must refuse anonymous callers (401) and
// signed-in non-owners (403) — so a new route cannot slip through — and a cross-site write
// must be refused before anything reaches GitHub. The webhook receiver has no session: its
// credential is the delivery's signature, and a session cookie does not stand in for it.

import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RouteContext } from "@/lib/api/api-route";
import { syncsSettled } from "@/lib/inventory/sync-scheduler";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { NextRequest } from "next/server";

const API_DIR = path.join(process.cwd(), "app", "api");
// Routes that cannot require a session, each guarded its own way and tested beside it:
// next-auth's endpoints (how a person signs in), the orchestrator's probes (health, ready — they
// say "ok" or "failed" and nothing else), setup, which comes before anyone can sign in
// (app/api/setup/setup.route.test.ts: no app yet, the setup session's state, the operator token),
// and the catch-all, which only answers that there is no such route.
const PUBLIC_ROUTES = new Set(["auth/[...nextauth]", "health", "ready", "setup/start", "setup/callback", "setup/operator", "[...path]"]);
// GitHub's deliveries carry no session: a valid signature is what gets them in (tested below).
const SIGNED_ROUTES = new Set(["github/webhooks"]);
const WEBHOOK_SECRET = "route-authorization-webhook-secret";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
// A value for each dynamic segment a route may have; an unknown one fails the test below.
const SEGMENT_VALUES: Record<string, string> = { org: "acme", id: "1" };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

const allRoutes = routeFiles(API_DIR).map((file) => path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/"));
const routes = allRoutes.filter((route) => !PUBLIC_ROUTES.has(route) && !SIGNED_ROUTES.has(route)).sort();

function resolve(route: string) {
  const params: Record<string, string> = {};
  const urlPath = route
    .split("/")
    .map((segment) => {
      const name = /^\[(\w+)\]$/.exec(segment)?.[1];
      if (!name) return segment;
      // A job's or a notification channel's id is a UUID; a request's or token's a number.
      const value = name === "id" && /\b(jobs|channels)\b/.test(route) ? "00000000-0000-4000-8000-000000000000" : SEGMENT_VALUES[name];
      if (value === undefined) throw new Error(`route ${route}: no test value for [${name}] — add one to SEGMENT_VALUES`);
      params[name] = value;
      return value;
    })
    .join("/");
  return { url: `http://grantdesk.test/api/${urlPath}`, params };
}

type Handler = (req: NextRequest, context: RouteContext) => Promise<Response>;

async function handlersOf(route: string): Promise<Array<[string, Handler]>> {
  const exported = (await import(`./${route}/route`)) as Partial<Record<string, Handler>>;
  return METHODS.flatMap((method) => (exported[method] ? [[method, exported[method]] as [string, Handler]] : []));
}

let github: FakeGitHubEnv;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 5, webhookSecret: WEBHOOK_SECRET });
});

afterAll(async () => {
  await github?.close();
});

async function callAs(as: "anonymous" | "hubot" | "mona", method: string, handler: Handler, route: string, search = "") {
  const { url: base, params } = resolve(route);
  const url = `${base}${search}`;
  const headers = await github.browserHeaders(as);
  const init = method === "GET" ? { headers } : { method, headers: { ...headers, "content-type": "application/json" }, body: "{}" };
  const response = await handler(new NextRequest(url, init), { params: Promise.resolve(params) });
  // A live-update stream never ends by itself: what matters is that it was let through.
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    await response.body?.cancel();
    return { status: response.status, body: {} as { error?: { code: string; message: string } } };
  }
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

const isPatEndpoint = (entry: { path: string }) => /personal-access-token/.test(entry.path);

describe("every API route", () => {
  it("is public only when listed as such above", () => {
    expect(allRoutes.filter((route) => PUBLIC_ROUTES.has(route)).sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it("is found on disk, including the known ones", () => {
    expect(routes).toEqual(
      expect.arrayContaining([
        "orgs",
        "orgs/[org]/requests",
        "orgs/[org]/requests/review",
        "orgs/[org]/requests/[id]/repositories",
        "orgs/[org]/tokens",
        "orgs/[org]/tokens/revoke",
        "orgs/[org]/tokens/[id]/repositories",
        "orgs/[org]/audit",
        "orgs/[org]/audit/export",
        "orgs/[org]/events",
        "orgs/[org]/webhooks/status",
      ]),
    );
  });

  it.each(routes)("%s answers 401 to anonymous callers and 403 to non-owners, reaching no PAT endpoint", async (route) => {
    const handlers = await handlersOf(route);
    expect(handlers.length).toBeGreaterThan(0);
    for (const [method, handler] of handlers) {
      const mark = await github.mark();
      const anonymous = await callAs("anonymous", method, handler, route);
      expect({ method, ...anonymous }).toMatchObject({ method, status: 401, body: { error: { code: "unauthorized" } } });

      if (route.includes("[org]")) {
        const member = await callAs("hubot", method, handler, route);
        expect({ method, ...member }).toMatchObject({ method, status: 403, body: { error: { code: "forbidden" } } });
        expect(member.body.error?.message).toContain("not an owner of acme");
      }
      expect((await github.log(mark)).filter(isPatEndpoint)).toEqual([]);

      // The same call as an owner gets past the gate (to GitHub, or to a 400 for the empty test body).
      const owner = await callAs("mona", method, handler, route);
      expect(owner.body.error?.code ?? "passed").not.toMatch(/^(unauthorized|forbidden|cross_site|not_installed)$/);
      // "Refresh now" starts syncs: let them end before the next route's calls are watched.
      await syncsSettled();
    }
  });
});

describe("unknown query parameters", () => {
  it.each(routes)("%s refuses them, __proto__ included, with a 400 naming them, before anything reaches GitHub", async (route) => {
    for (const [method, handler] of await handlersOf(route)) {
      for (const search of ["?__proto__=1", "?__proto__[polluted]=1&constructor=x", "?zzz=1"]) {
        const mark = await github.mark();
        const answer = await callAs("mona", method, handler, route, search);
        expect({ method, search, ...answer }).toMatchObject({ method, search, status: 400, body: { error: { code: "bad_request", message: expect.stringMatching(/unknown query fields? "(__proto__|zzz)/) } } });
        expect((await github.log(mark)).filter(isPatEndpoint)).toEqual([]);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("the webhook receiver", () => {
  it("refuses every delivery without a valid signature, session cookie or not, reaching nothing upstream", async () => {
    const { POST } = await import("./github/webhooks/route");
    const body = JSON.stringify({ action: "created", personal_access_token_request: { id: 1, token_id: 1 }, organization: { login: "acme", id: 9100001 } });
    const headers = { "content-type": "application/json", "x-github-event": "personal_access_token_request", "x-github-delivery": "6f9d1c2e-0000-4000-8000-000000000001" };
    const mark = await github.mark();
    for (const extra of [{}, await github.browserHeaders("mona"), { "x-hub-signature-256": `sha256=${"0".repeat(64)}` }]) {
      const response = await POST(new NextRequest("http://grantdesk.test/api/github/webhooks", { method: "POST", headers: { ...headers, ...extra }, body }));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
    }
    expect(await github.log(mark)).toEqual([]);
  });
});

describe("GET /api/orgs", () => {
  it("lists only the orgs where the caller is an owner", async () => {
    const { GET } = await import("./orgs/route");
    const logins = async (as: "mona" | "octocat" | "hubot") =>
      ((await github.call(GET, "/api/orgs", {}, undefined, as)).body as Array<{ login: string }>).map((org) => org.login);
    expect(await logins("mona")).toEqual(["acme", "globex"]);
    expect(await logins("octocat")).toEqual(["globex"]);
    expect(await logins("hubot")).toEqual([]);
  });
});

describe("a cross-site write", () => {
  it.each([
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["Sec-Fetch-Site: cross-site", { origin: "http://grantdesk.test", "sec-fetch-site": "cross-site" }],
    ["no Origin at all", {}],
  ])("with %s is refused with 403 and reaches nothing upstream", async (_, originHeaders) => {
    const { POST } = await import("./orgs/[org]/requests/review/route");
    const { cookie } = await github.browserHeaders("mona");
    const mark = await github.mark();
    const response = await POST(
      new NextRequest("http://grantdesk.test/api/orgs/acme/requests/review", {
        method: "POST",
        headers: { cookie: cookie!, "content-type": "application/json", ...originHeaders },
        body: JSON.stringify({ ids: [1], action: "approve" }),
      }),
      { params: Promise.resolve({ org: "acme" }) },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "cross_site" } });
    expect(await github.log(mark)).toEqual([]);
  });
});

describe("a demoted owner", () => {
  afterAll(() => vi.useRealTimers());

  it("keeps access for a few seconds (one membership call per page view is spared), then loses it within a minute", async () => {
    const { GET } = await import("./orgs/[org]/requests/route");
    const list = () => github.call(GET, "/api/orgs/globex/requests", { org: "globex" }, undefined, "octocat");
    expect((await list()).status).toBe(200);
    await fetch(`${github.fake.url}/_fake/memberships`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ org: "globex", username: "octocat", role: "member" }),
    });
    const mark = await github.mark();
    expect((await list()).status).toBe(200);
    expect((await github.log(mark)).filter((entry) => entry.path.includes("/memberships/"))).toEqual([]);

    vi.useFakeTimers({ toFake: ["performance"] });
    vi.advanceTimersByTime(60_000);
    const after = await list();
    expect(after).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
  });
});
