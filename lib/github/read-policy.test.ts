import { Octokit } from "@octokit/core";
import { describe, expect, it } from "vitest";
import { installReadPolicy, rateLimitOf } from "./read-policy";

function octokitAnswering(answer: (attempt: number) => Response | Promise<Response>) {
  let attempts = 0;
  let inFlight = 0;
  let most = 0;
  const fetch = async () => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    try {
      return await answer(++attempts);
    } finally {
      inFlight -= 1;
    }
  };
  const octokit = new Octokit({ baseUrl: "https://api.test", request: { fetch } });
  return { octokit, attempts: () => attempts, most: () => most };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 304 ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

describe("installReadPolicy", () => {
  it("retries a 5xx after the base wait, then gives up after the retries", async () => {
    const github = octokitAnswering((attempt) => (attempt < 3 ? json(502, { message: "Bad Gateway" }) : json(200, [])));
    installReadPolicy(github.octokit, { retries: 2, retryBaseMs: 1, maxConcurrent: 10, onRateLimit: () => false });
    await expect(github.octokit.request("GET /x")).resolves.toMatchObject({ status: 200 });
    expect(github.attempts()).toBe(3);

    const failing = octokitAnswering(() => json(503, { message: "Unavailable" }));
    installReadPolicy(failing.octokit, { retries: 1, retryBaseMs: 1, maxConcurrent: 10, onRateLimit: () => false });
    await expect(failing.octokit.request("GET /x")).rejects.toMatchObject({ status: 503 });
    expect(failing.attempts()).toBe(2);
  });

  it("does not retry what a retry cannot fix: 404, 422, a 304", async () => {
    for (const status of [304, 404, 422]) {
      const github = octokitAnswering(() => json(status, { message: "no" }));
      installReadPolicy(github.octokit, { retries: 2, retryBaseMs: 1, maxConcurrent: 10, onRateLimit: () => false });
      await expect(github.octokit.request("GET /x")).rejects.toMatchObject({ status });
      expect(github.attempts()).toBe(1);
    }
  });

  it("waits out a secondary rate limit when told to, and gives up when not", async () => {
    const calls: [string, number, number][] = [];
    const github = octokitAnswering((attempt) =>
      attempt === 1 ? json(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "1" }) : json(200, []),
    );
    installReadPolicy(github.octokit, {
      retries: 0,
      retryBaseMs: 1,
      maxConcurrent: 10,
      onRateLimit: (kind, after, _options, count) => (calls.push([kind, after, count]), true),
    });
    await expect(github.octokit.request("GET /x")).resolves.toMatchObject({ status: 200 });
    expect(calls).toEqual([["secondary", 1, 0]]);
  });

  it("keeps at most maxConcurrent reads in flight", async () => {
    const github = octokitAnswering(() => new Promise((resolve) => setTimeout(() => resolve(json(200, [])), 5)));
    installReadPolicy(github.octokit, { retries: 0, retryBaseMs: 1, maxConcurrent: 3, onRateLimit: () => false });
    await Promise.all(Array.from({ length: 10 }, () => github.octokit.request("GET /x")));
    expect(github.attempts()).toBe(10);
    expect(github.most()).toBe(3);
  });
});

describe("rateLimitOf", () => {
  const refusal = (status: number, message: string, headers: Record<string, string> = {}, data: unknown = {}) => ({ status, message, response: { headers, data } });

  it("tells primary from secondary limits, and other refusals from both", () => {
    expect(rateLimitOf(refusal(403, "You have exceeded a secondary rate limit", { "retry-after": "7" }))).toEqual({ kind: "secondary", retryAfterSeconds: 7 });
    const reset = String(Math.floor(Date.now() / 1000) + 30);
    expect(rateLimitOf(refusal(403, "API rate limit exceeded", { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }))).toMatchObject({ kind: "primary" });
    expect(rateLimitOf(refusal(403, "API rate limit exceeded", { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }))!.retryAfterSeconds).toBeGreaterThanOrEqual(30);
    expect(rateLimitOf(refusal(403, "Resource not accessible by integration", { "x-ratelimit-remaining": "4000" }))).toBeNull();
    expect(rateLimitOf(refusal(404, "Not Found"))).toBeNull();
  });
});
