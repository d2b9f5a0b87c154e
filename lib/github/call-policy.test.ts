import { Octokit } from "@octokit/core";
import { describe, expect, it } from "vitest";
import { createCallPolicy, type CallPolicyOptions } from "./call-policy";

interface Sent {
  method: string;
  path: string;
  at: number;
}

/** An Octokit whose fetch answers with `answer`, under the policy, recording every call sent. */
function octokitUnderPolicy(answer: (sent: Sent, attempt: number, signal: AbortSignal) => Response | Promise<Response>, options: Partial<CallPolicyOptions> = {}) {
  const sent: Sent[] = [];
  let inFlight = 0;
  let most = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const call = { method: init?.method ?? "GET", path: url.pathname + url.search, at: Date.now() };
    sent.push(call);
    inFlight += 1;
    most = Math.max(most, inFlight);
    try {
      return await answer(call, sent.length, init!.signal!);
    } finally {
      inFlight -= 1;
    }
  };
  const octokit = new Octokit({ baseUrl: "https://api.test", request: { fetch } });
  const policy = createCallPolicy({ timeoutMs: 2_000, retryBaseMs: 1, ...options });
  octokit.hook.wrap("request", (request, endpoint) => policy.send(request, endpoint, octokit.request.endpoint.parse(endpoint).url));
  return { octokit, policy, sent, most: () => most };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 304 || status === 204 ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

const secondaryLimit = (retryAfter: string) => json(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": retryAfter });

describe("reads", () => {
  it("are retried after a 5xx, then given up after the retries", async () => {
    const github = octokitUnderPolicy((_, attempt) => (attempt < 3 ? json(502, { message: "Bad Gateway" }) : json(200, [{ id: 1 }])));
    await expect(github.octokit.request("GET /orgs/acme/x")).resolves.toMatchObject({ status: 200, data: [{ id: 1 }] });
    expect(github.sent).toHaveLength(3);

    const failing = octokitUnderPolicy(() => json(503, { message: "Unavailable" }), { readRetries: 1 });
    await expect(failing.octokit.request("GET /orgs/acme/x")).rejects.toMatchObject({ status: 503 });
    expect(failing.sent).toHaveLength(2);
  });

  it("are not retried when a retry cannot help: 304, 404, 422", async () => {
    for (const status of [304, 404, 422]) {
      const github = octokitUnderPolicy(() => json(status, { message: "no" }));
      await expect(github.octokit.request("GET /orgs/acme/x")).rejects.toMatchObject({ status });
      expect(github.sent).toHaveLength(1);
    }
  });

  it("are timed out per attempt and retried", async () => {
    const github = octokitUnderPolicy(
      (_, attempt, signal) =>
        attempt === 1 ? new Promise<Response>((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason))) : json(200, []),
      { timeoutMs: 50 },
    );
    await expect(github.octokit.request("GET /orgs/acme/x")).resolves.toMatchObject({ status: 200 });
    expect(github.sent).toHaveLength(2);
  });

  it("keep at most maxConcurrentReads in flight, and refuse new ones once the line behind them is full", async () => {
    const github = octokitUnderPolicy(() => new Promise((resolve) => setTimeout(() => resolve(json(200, [])), 20)), { maxConcurrentReads: 3, maxQueuedReads: 5 });
    const accepted = Array.from({ length: 8 }, () => github.octokit.request("GET /orgs/acme/x"));
    await expect(github.octokit.request("GET /orgs/acme/x")).rejects.toMatchObject({ name: "GitHubError", code: "overloaded", retryAfter: 5 });
    await Promise.all(accepted);
    expect(github.sent).toHaveLength(8);
    expect(github.most()).toBe(3);
  });
});

describe("writes", () => {
  it("go one at a time per org, each at least writeSpacingMs after the previous, while another org's writes do not wait", async () => {
    const github = octokitUnderPolicy(() => json(202, {}), { writeSpacingMs: 200 });
    const started = Date.now();
    await Promise.all([
      github.octokit.request("POST /orgs/acme/personal-access-tokens", { pat_ids: [1], action: "revoke" }),
      github.octokit.request("POST /orgs/acme/personal-access-tokens", { pat_ids: [2], action: "revoke" }),
      github.octokit.request("POST /orgs/acme/personal-access-tokens", { pat_ids: [3], action: "revoke" }),
      github.octokit.request("POST /orgs/globex/personal-access-tokens", { pat_ids: [4], action: "revoke" }),
    ]);
    const acme = github.sent.filter((call) => call.path.startsWith("/orgs/acme/")).map((call) => call.at);
    expect(acme[1]! - acme[0]!).toBeGreaterThanOrEqual(195);
    expect(acme[2]! - acme[1]!).toBeGreaterThanOrEqual(195);
    const globex = github.sent.find((call) => call.path.startsWith("/orgs/globex/"))!;
    expect(globex.at - started).toBeLessThan(150);
  });

  it("are never resent after a 5xx: GitHub may have applied them", async () => {
    const github = octokitUnderPolicy(() => json(502, { message: "Bad Gateway" }));
    await expect(github.octokit.request("POST /orgs/acme/personal-access-tokens", { pat_ids: [1], action: "revoke" })).rejects.toMatchObject({ status: 502 });
    expect(github.sent).toHaveLength(1);
  });

  it("wait out a secondary rate limit and are sent again once, saying meanwhile when the wait ends", async () => {
    const github = octokitUnderPolicy((_, attempt) => (attempt === 1 ? secondaryLimit("1") : json(202, {})), { writeSpacingMs: 0 });
    const pending = github.octokit.request("POST /orgs/acme/personal-access-tokens", { pat_ids: [1], action: "revoke" });
    await expect.poll(() => github.policy.rateLimitedUntil("ACME")).toBeInstanceOf(Date);
    expect(github.policy.rateLimitedUntil("globex")).toBeNull();
    await expect(pending).resolves.toMatchObject({ status: 202 });
    expect(github.sent.map((call) => call.method)).toEqual(["POST", "POST"]);
    expect(github.sent[1]!.at - github.sent[0]!.at).toBeGreaterThanOrEqual(990);
  });

  it("give up at once on a rate limit that asks for a longer wait than allowed", async () => {
    const github = octokitUnderPolicy(() => secondaryLimit("600"), { maxRateLimitWaitSeconds: 60 });
    await expect(github.octokit.request("POST /orgs/acme/personal-access-tokens", { pat_ids: [1], action: "revoke" })).rejects.toMatchObject({ status: 403 });
    expect(github.sent).toHaveLength(1);
  });
});

describe("primary rate limits", () => {
  it("are waited out until x-ratelimit-reset", async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 1);
    const github = octokitUnderPolicy((_, attempt) =>
      attempt === 1 ? json(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }) : json(200, []),
    );
    await expect(github.octokit.request("GET /orgs/acme/x")).resolves.toMatchObject({ status: 200 });
    expect(github.sent).toHaveLength(2);
  });
});
