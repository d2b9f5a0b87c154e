// What happens around every API request, in order: log it, identify the caller, answer GitHub's
// headers (Date, request id, API version, x-ratelimit-*; an unsupported X-GitHub-Api-Version is
// a 400 as on GitHub; a 304 is not counted against the rate limit), then add the configured
// latency and apply faults before the route. /_fake (control), /_sinks and /avatars are outside
// all of this.

import type { Context, MiddlewareHandler } from "hono";
import { identify, type Principal } from "./auth";
import type { Fault } from "./faults";
import { DOCS, githubError, statusMessage } from "./github-errors";
import { bucketOf } from "./rate-limits";
import { parseBody } from "./request-log";
import type { FakeEnv, FakeState } from "./state";

export const DEFAULT_API_VERSION = "2022-11-28";
export const SUPPORTED_API_VERSIONS = ["2022-11-28", "2026-03-10"] as const;

export const isOutside = (path: string) =>
  path === "/_fake" || path.startsWith("/_fake/") || path === "/_sinks" || path.startsWith("/_sinks/") || path.startsWith("/avatars/");
/** github.com's pages (the OAuth flow, app registration and installation), as opposed to api.github.com. */
const isWeb = (path: string) =>
  path.startsWith("/login/") || /^\/(?:organizations\/[^/]+\/)?settings\/apps\/new$/.test(path) || /^\/apps\/[^/]+\/installations\/new$/.test(path);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function clientAddress(c: Context<FakeEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? "127.0.0.1";
}

export function logRequests(state: FakeState): MiddlewareHandler<FakeEnv> {
  return async (c, next) => {
    if (isOutside(c.req.path)) return next();
    const url = new URL(c.req.url);
    const text = c.req.method === "GET" || c.req.method === "HEAD" ? "" : await c.req.text();
    const arrived = performance.now();
    const entry = state.log.add({
      time: new Date().toISOString(),
      method: c.req.method,
      path: url.pathname,
      query: url.search.slice(1),
      body: parseBody(text, c.req.header("content-type")),
      conditional: c.req.header("if-none-match") !== undefined,
    });
    c.set("logEntry", entry);
    await next();
    entry.status = c.res.status;
    entry.ms = Math.round((performance.now() - arrived) * 10) / 10;
    entry.notModified = c.res.status === 304;
  };
}

export function identifyCaller(state: FakeState): MiddlewareHandler<FakeEnv> {
  return async (c, next) => {
    if (isOutside(c.req.path)) return next();
    const appOf = (iss: unknown) => {
      const app = state.apps.byIssuer(iss);
      return app && { appId: app.id, publicKey: app.publicKey };
    };
    const principal = await identify(c.req.header("authorization"), appOf, state);
    c.set("principal", principal);
    c.set("requestId", state.newRequestId());
    const entry = c.get("logEntry");
    if (entry && (principal.kind === "app" || principal.kind === "installation" || principal.kind === "user")) {
      entry.auth = principal.kind;
      entry.appId = principal.appId;
      if (principal.kind === "installation") entry.installationId = principal.installationId;
      if (principal.kind === "user") entry.user = state.world.users.get(principal.userId)?.login ?? null;
    }
    await next();
  };
}

export function apiHeaders(state: FakeState): MiddlewareHandler<FakeEnv> {
  return async (c, next) => {
    const path = c.req.path;
    if (isOutside(path)) return next();
    const headers: Record<string, string> = { date: new Date().toUTCString() };
    const web = isWeb(path);
    const { key, limit } = bucketOf(c.get("principal"), clientAddress(c));
    const rateHeaders = (counted: boolean) => {
      const rate = counted ? state.rateLimits.take(key, limit) : state.rateLimits.peek(key, limit);
      return {
        "x-ratelimit-limit": String(rate.limit),
        "x-ratelimit-remaining": String(rate.remaining),
        "x-ratelimit-used": String(rate.used),
        "x-ratelimit-reset": String(rate.reset),
        "x-ratelimit-resource": "core",
      };
    };
    if (!web) {
      headers["x-github-request-id"] = c.get("requestId");
      headers["x-github-media-type"] = "github.v3; format=json";
      const version = c.req.header("x-github-api-version") ?? DEFAULT_API_VERSION;
      if (!(SUPPORTED_API_VERSIONS as readonly string[]).includes(version)) {
        const message = `Invalid API version provided: ${version}. Supported versions are: ${SUPPORTED_API_VERSIONS.join(", ")}.`;
        return githubError(c, 400, message, DOCS.apiVersions, { ...headers, ...rateHeaders(true) });
      }
      headers["x-github-api-version-selected"] = version;
    }
    await next();
    // Counted once the answer is known: a 304 only reads the bucket.
    if (!web) Object.assign(headers, rateHeaders(c.res.status !== 304));
    // A fault may have set its own rate-limit headers (primary rate limit); keep those.
    for (const [name, value] of Object.entries(headers)) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
}

function primaryLimitMessage(principal: Principal, address: string, requestId: string): string {
  const support = ` If you reach out to GitHub Support for help, please include the request ID ${requestId}.`;
  switch (principal.kind) {
    case "installation":
      return `API rate limit exceeded for installation ID ${principal.installationId}.${support}`;
    case "user":
      return `API rate limit exceeded for user ID ${principal.userId}.${support}`;
    case "app":
      return `API rate limit exceeded for app ID ${principal.appId}.${support}`;
    default:
      return `API rate limit exceeded for ${address}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)${support}`;
  }
}

function faultAnswer(c: Context<FakeEnv>, fault: Fault & { kind: "error" | "error-after" | "secondary-rate-limit" | "primary-rate-limit" }): Response {
  const requestId = c.get("requestId");
  switch (fault.kind) {
    case "error":
    case "error-after": {
      const status = fault.status ?? 500;
      return githubError(c, status, statusMessage(status));
    }
    case "secondary-rate-limit":
      return githubError(
        c,
        403,
        `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
        DOCS.secondaryRateLimit,
        { "retry-after": String(fault.retryAfter ?? 1) },
      );
    case "primary-rate-limit": {
      const principal = c.get("principal");
      const { limit } = bucketOf(principal, clientAddress(c));
      const reset = Math.floor(Date.now() / 1000) + (fault.retryAfter ?? 2);
      return githubError(c, 403, primaryLimitMessage(principal, clientAddress(c), requestId), DOCS.primaryRateLimit, {
        "x-ratelimit-limit": String(limit),
        "x-ratelimit-remaining": "0",
        "x-ratelimit-used": String(limit),
        "x-ratelimit-reset": String(reset),
        "x-ratelimit-resource": "core",
      });
    }
  }
}

export function injectFaults(state: FakeState): MiddlewareHandler<FakeEnv> {
  return async (c, next) => {
    if (isOutside(c.req.path)) return next();
    const decision = state.faults.decide(c.req.method, c.req.path);
    const latencyMs = state.config.latencyMs + decision.latencyMs;
    if (latencyMs > 0) await sleep(latencyMs);
    if (decision.answer?.kind === "error-after") {
      await next();
      c.res = faultAnswer(c, decision.answer);
      return;
    }
    if (decision.answer) return faultAnswer(c, decision.answer);
    await next();
  };
}
