// Every route file under app/api, found on disk, must refuse anonymous callers (401) and
// signed-in non-owners (403) — so a new route cannot slip through — and a cross-site write
// must be refused before anything reaches GitHub.

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
// say "ok" or "failed" and nothing else), and setup, which comes before anyone can sign in
// (app/api/setup/setup.route.test.ts: no app yet, the setup session's state, the operator token).
const PUBLIC_ROUTES = new Set(["auth/[...nextauth]", "health", "ready", "setup/start", "setup/callback", "setup/operator"]);
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
const routes = allRoutes.filter((route) => !PUBLIC_ROUTES.has(route)).sort();

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
  github = await startFakeGitHubEnv({ seed: 5 });
});

afterAll(async () => {
  await github?.close();
});

async function callAs(as: "anonymous" | "hubot" | "mona", method: string, handler: Handler, route: string) {
  const { url, params } = resolve(route);
  const headers = await github.browserHeaders(as);
  const init = method === "GET" ? { headers } : { method, headers: { ...headers, "content-type": "application/json" }, body: "{}" };
  const response = await handler(new NextRequest(url, init), { params: Promise.resolve(params) });
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
