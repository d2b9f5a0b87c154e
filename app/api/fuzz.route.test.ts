// Fuzzing every route handler in-process (fast-check): over 10,000 generated calls — paths,
// queries, bodies, headers and cookies, mostly malformed — across every route file under app/api
// (found on disk, so a new route is fuzzed too) and next-auth's endpoints, against a running
// fake-github. Every answer must be below 500; every answer of Grantdesk's own routes that is not
// a success must be its JSON error, `{ error: { code, message } }` with the status of its code;
// and no write may reach fake-github (the generated ids name nothing that exists, so even a valid
// write has nothing to send). FUZZ_SEED=… replays a run; FUZZ_RUNS=… changes its size. A smaller
// share goes over HTTP through the proxy in e2e/fuzz.spec.ts.

import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteContext } from "@/lib/api/api-route";
import { ERROR_STATUS, isServerErrorCode } from "@/lib/contract/api-error";
import { stopJobWorker } from "@/lib/jobs/job-worker";
import { syncsSettled } from "@/lib/inventory/sync-scheduler";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import {
  anyString,
  authCookies,
  contentType,
  cookieKind,
  extraHeaders,
  idSegment,
  isSendableHeaderValue,
  jobIdSegment,
  orgSegment,
  originHeaders,
  queryString,
  rawBody,
  safeEncode,
  shapedBody,
  type CookieKind,
} from "@/test-support/fuzz-inputs";
import { sessionCookieFor } from "@/test-support/session-cookie";

// next-auth's App Router handler reads the request's headers and cookies through next/headers
// (`require`d when called), which only work inside Next's request scope: here they answer from
// the request being fuzzed. The requests go over HTTP, through Next itself, in e2e/fuzz.spec.ts.
const current = { request: null as NextRequest | null };
const nextHeaders = createRequire(import.meta.url)("next/headers") as Record<string, unknown>;
const realNextHeaders = { ...nextHeaders };

const APP_URL = "http://grantdesk.test";
const AUTH_SECRET = "route-tests-secret-route-tests-secret";
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_500);
/** next-auth's share of the runs. */
const AUTH_SHARE = 0.15;

type Handler = (req: NextRequest, context: RouteContext) => Promise<Response>;
interface Target {
  route: string;
  method: string;
  handler: Handler;
}

const API_DIR = path.join(process.cwd(), "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

async function loadTargets(): Promise<Target[]> {
  const routes = routeFiles(API_DIR).map((file) => path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/"));
  const targets: Target[] = [];
  for (const route of routes) {
    const exported = (await import(/* @vite-ignore */ path.join(API_DIR, route, "route.ts"))) as Partial<Record<string, Handler>>;
    for (const method of METHODS) if (exported[method]) targets.push({ route, method, handler: exported[method] });
  }
  return targets;
}

let github: FakeGitHubEnv;
let targets: Target[];
let cookies: Record<Exclude<CookieKind, "none" | "garbage">, string>;
const hits = new Map<string, number>();
const statuses = new Map<number, number>();
const acceptedWrites: string[] = [];

beforeAll(async () => {
  nextHeaders.headers = async () => new Headers(current.request!.headers);
  nextHeaders.cookies = async () => current.request!.cookies;
  // With a webhook secret, as a deployment that receives deliveries: the receiver is fuzzed past its
  // "not configured" answer, into signature checks and payload parsing.
  github = await startFakeGitHubEnv({ seed: 21, requests: 40, tokens: 120, smtpPort: null }, { GITHUB_WEBHOOK_SECRET: "fuzz-webhook-secret-0f3a9c" });
  await github.sync("acme");
  targets = await loadTargets();
  const mona = await sessionCookieFor({ login: "mona", id: 1001 }, AUTH_SECRET);
  cookies = {
    owner: mona,
    member: await sessionCookieFor({ login: "hubot", id: 480_938 }, AUTH_SECRET),
    "other-owner": await sessionCookieFor({ login: "octocat", id: 583_231 }, AUTH_SECRET),
    expired: await sessionCookieFor({ login: "mona", id: 1001 }, AUTH_SECRET, { signedInAt: Math.floor(Date.now() / 1000) - 9 * 3600 }),
    tampered: `${mona.slice(0, -12)}${mona.slice(-12).split("").reverse().join("")}`,
  };
}, 120_000);

afterAll(async () => {
  Object.assign(nextHeaders, realNextHeaders);
  await syncsSettled();
  await stopJobWorker();
  await github?.close();
});

/** The segment values of a route's dynamic parts. */
interface Segments {
  org: string;
  id: string;
  jobId: string;
  path: readonly string[];
}

function resolve(route: string, segments: Segments) {
  const params: Record<string, string | readonly string[]> = {};
  const parts = route.split("/").flatMap((part) => {
    if (part === "[org]") return [(params.org = segments.org)];
    if (part === "[id]") return [(params.id = /\bjobs\b/.test(route) ? segments.jobId : segments.id)];
    if (part === "[...path]") return (params.path = segments.path);
    if (part === "[...nextauth]") return (params.nextauth = segments.path);
    return [part];
  });
  return { url: `${APP_URL}/api/${parts.map(safeEncode).join("/")}`, params };
}

const input = fc.record({
  // Unbiased, so every route gets its share (fast-check favours small numbers otherwise).
  target: fc.noBias(fc.nat()),
  percent: fc.noBias(fc.integer({ min: 0, max: 99 })),
  // Some calls come in a well-formed envelope (an owner of acme, same origin, JSON, one of the
  // routes' own body shapes): those reach the handlers, with odd text and ids inside.
  envelope: fc.noBias(fc.integer({ min: 0, max: 99 })),
  shapedBody,
  segments: fc.record({
    org: orgSegment,
    id: idSegment,
    jobId: jobIdSegment,
    path: fc.oneof(
      fc.constantFrom(["signin"], ["signin", "github"], ["callback", "github"], ["session"], ["csrf"], ["providers"], ["signout"], ["error"], ["_log"]),
      fc.array(anyString, { minLength: 0, maxLength: 3 }),
    ),
  }),
  query: queryString,
  body: fc.option(rawBody, { nil: undefined, freq: 3 }),
  chunked: fc.boolean(),
  contentType,
  cookie: cookieKind,
  garbageCookie: anyString,
  authCookies,
  origin: originHeaders,
  extra: extraHeaders,
});

type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;

function headersFor(fuzz: Input): Headers {
  const headers = new Headers();
  const set = (name: string, value: string) => {
    if (isSendableHeaderValue(value)) headers.set(name, value);
  };
  for (const [name, value] of Object.entries(fuzz.extra)) set(name, value);
  for (const [name, value] of Object.entries(fuzz.origin)) set(name, value === "SELF" ? APP_URL : value);
  if (fuzz.body !== undefined && fuzz.contentType) set("content-type", fuzz.contentType);
  const jar: string[] = [];
  if (fuzz.cookie === "garbage") jar.push(`next-auth.session-token=${safeEncode(fuzz.garbageCookie)}`);
  else if (fuzz.cookie !== "none") jar.push(cookies[fuzz.cookie]);
  if (fuzz.authCookies.callbackUrl !== undefined) jar.push(`next-auth.callback-url=${safeEncode(fuzz.authCookies.callbackUrl)}`);
  if (fuzz.authCookies.csrf !== undefined) jar.push(`next-auth.csrf-token=${safeEncode(fuzz.authCookies.csrf)}`);
  if (jar.length) set("cookie", jar.join("; "));
  return headers;
}

function requestFor(fuzz: Input, url: string, method: string): NextRequest {
  const init: Omit<RequestInit, "body"> & { duplex?: "half"; body?: Uint8Array | ReadableStream<Uint8Array> } = { method, headers: headersFor(fuzz) };
  if (fuzz.body !== undefined && method !== "GET") {
    const { bytes } = fuzz.body;
    init.body = fuzz.chunked
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            for (let offset = 0; offset < bytes.length; offset += 8_192) controller.enqueue(bytes.slice(offset, offset + 8_192));
            controller.close();
          },
        })
      : bytes;
    init.duplex = "half";
  }
  return new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]);
}

/** Grantdesk's error shape, with the status of its code. */
function expectApiError(status: number, headers: Headers, text: string, what: string) {
  expect(headers.get("content-type"), what).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; retryAfter?: unknown } };
  expect(Object.keys(body), what).toEqual(["error"]);
  const { code, message, retryAfter } = body.error ?? {};
  expect(typeof code === "string" && isServerErrorCode(code), `${what}: code ${String(code)}`).toBe(true);
  expect(ERROR_STATUS[code as keyof typeof ERROR_STATUS], what).toBe(status);
  expect(typeof message === "string" && message.length > 0, what).toBe(true);
  expect(retryAfter === undefined || typeof retryAfter === "number", what).toBe(true);
}

const ENVELOPE_SHARE = 40;

/** The input as sent: in the well-formed envelope for ENVELOPE_SHARE percent of API calls. */
function enveloped(fuzz: Input): Input {
  if (fuzz.envelope >= ENVELOPE_SHARE) return fuzz;
  return {
    ...fuzz,
    segments: { ...fuzz.segments, org: "acme" },
    query: fuzz.envelope % 2 ? "" : fuzz.query,
    body: fuzz.shapedBody,
    contentType: "application/json",
    cookie: "owner",
    origin: { origin: "SELF", "sec-fetch-site": "same-origin" },
    extra: {},
  };
}

/** The answer's text; of an event stream (which stays open for minutes), its first event only. */
async function bodyText(response: Response): Promise<string> {
  if (!response.headers.get("content-type")?.startsWith("text/event-stream") || !response.body) return response.text();
  const reader = response.body.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return new TextDecoder().decode(value);
}

async function callOnce(original: Input, pool: Target[]) {
  const fuzz = pool.length > 2 ? enveloped(original) : original;
  const target = pool[fuzz.target % pool.length]!;
  const { url, params } = resolve(target.route, fuzz.segments);
  const req = requestFor(fuzz, `${url}${fuzz.query}`, target.method);
  current.request = req;
  const response = await target.handler(req, { params: Promise.resolve(params) } as RouteContext);
  const text = await bodyText(response);
  const what = `${target.method} ${target.route} ${req.url.slice(0, 300)} → ${response.status} ${text.slice(0, 300)}`;
  hits.set(`${target.method} ${target.route}`, (hits.get(`${target.method} ${target.route}`) ?? 0) + 1);
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  expect(response.status, what).toBeLessThan(500);
  return { target, response, text, what };
}

describe("fuzzing every API route and next-auth's", () => {
  it(`answers ${RUNS.toLocaleString("en")} generated calls with no 5xx, Grantdesk's error shape, and no write upstream (seed ${SEED})`, async () => {
    const api = targets.filter((target) => target.route !== "auth/[...nextauth]");
    const auth = targets.filter((target) => target.route === "auth/[...nextauth]");
    expect(api.length).toBeGreaterThan(20);
    expect(auth.map((target) => target.method).sort()).toEqual(["GET", "POST"]);
    const mark = await github.mark();

    await fc.assert(
      fc.asyncProperty(input, async (fuzz) => {
        if (fuzz.percent < AUTH_SHARE * 100) {
          const { response, text, what } = await callOnce(fuzz, auth);
          // next-auth's own answers are redirects, pages, JSON and plain-text refusals; the wrapper's refusals are Grantdesk's.
          if (response.status >= 400 && /^application\/json/.test(response.headers.get("content-type") ?? "") && text.startsWith('{"error":{')) {
            expectApiError(response.status, response.headers, text, what);
          }
          return;
        }
        const { target, response, text, what } = await callOnce(fuzz, api);
        if (response.status >= 400) expectApiError(response.status, response.headers, text, what);
        else if (target.method !== "GET") acceptedWrites.push(what);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    // Every route was reached, each many times.
    if (process.env.FUZZ_DEBUG) console.log(JSON.stringify([...hits.entries()]), JSON.stringify([...statuses.entries()].sort()));
    for (const target of targets) {
      const share = target.route === "auth/[...nextauth]" ? (RUNS * AUTH_SHARE) / auth.length : (RUNS * (1 - AUTH_SHARE)) / api.length;
      expect(hits.get(`${target.method} ${target.route}`) ?? 0, `${target.method} ${target.route}`).toBeGreaterThan(share / 2);
    }
    expect([...hits.values()].reduce((sum, count) => sum + count, 0)).toBe(RUNS);

    // Whatever was queued has run (its ids re-checked with GitHub) before fake-github's log is read.
    await syncsSettled();
    await stopJobWorker();
    const writes = (await github.log(mark)).filter((entry) => entry.method !== "GET" && entry.path.startsWith("/orgs/"));
    expect(writes, `writes reached fake-github; the accepted calls were:\n${acceptedWrites.join("\n")}`).toEqual([]);
  }, 240_000);
});
