// Fault injection: latency, errors with skip/times/rate, GitHub's secondary and primary rate-limit
// answers (checked against @octokit/plugin-throttling, which must recognise them), and that a
// faulted write changes nothing.

import { Octokit } from "@octokit/core";
import { throttling } from "@octokit/plugin-throttling";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Fault } from "./faults";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { api, control, installationToken, sleep } from "./test-support";
import { ORGS } from "./world";

const APPLY_DELAY_MS = 80;
const TOKENS_PATH = "^/orgs/acme/personal-access-tokens$";

let fake: FakeGitHub;
let token: string;

beforeAll(async () => {
  fake = await startFakeGitHub({ requests: 20, tokens: 40, applyDelayMs: APPLY_DELAY_MS });
});
beforeEach(async () => {
  await control(fake, "reset", {});
  token = await installationToken(fake, ORGS.acme.installationId);
});
afterAll(() => fake.close());

const setFaults = (faults: Fault[]) => control(fake, "faults", { faults });
const listTokens = () => api(fake, token, "/orgs/acme/personal-access-tokens");

const ThrottledOctokit = Octokit.plugin(throttling);

function octokit(handlers: { onRateLimit?: (retryAfter: number) => boolean; onSecondaryRateLimit?: (retryAfter: number) => boolean }) {
  return new ThrottledOctokit({
    auth: token,
    baseUrl: fake.url,
    throttle: {
      // Retry after retryAfter × 10 ms instead of seconds, to keep the test quick.
      retryAfterBaseValue: 10,
      onRateLimit: (retryAfter: number) => handlers.onRateLimit?.(retryAfter) ?? false,
      onSecondaryRateLimit: (retryAfter: number) => handlers.onSecondaryRateLimit?.(retryAfter) ?? false,
    },
  });
}

describe("latency", () => {
  it("delays matching requests by latencyMs and lets them through", async () => {
    await setFaults([{ path: TOKENS_PATH, latencyMs: 300 }]);
    const started = Date.now();
    const response = await listTokens();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(response.status).toBe(200);
    expect((await control<{ faults: { kind: string; fired: number }[] }>(fake, "faults")).faults).toEqual([expect.objectContaining({ kind: "latency", fired: 1 })]);
  });

  it("adds the latency set in /_fake/config to every API request", async () => {
    await control(fake, "config", { latencyMs: 200 });
    const started = Date.now();
    expect((await api(fake, token, "/orgs/acme/memberships/mona")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});

describe("errors", () => {
  it("lets `skip` requests through, then fails `times` of them with the status, then recovers", async () => {
    await setFaults([{ path: TOKENS_PATH, status: 502, skip: 1, times: 2 }]);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await listTokens()).status);
    expect(statuses).toEqual([200, 502, 502, 200]);
    expect((await control<{ faults: unknown[] }>(fake, "faults")).faults).toEqual([
      { path: TOKENS_PATH, status: 502, skip: 1, times: 2, kind: "error", matched: 4, fired: 2 },
    ]);
    const log = await control<{ entries: { path: string; status: number }[] }>(fake, "log");
    expect(log.entries.filter((entry) => entry.path === "/orgs/acme/personal-access-tokens").map((entry) => entry.status)).toEqual(statuses);
  });

  it("answers in GitHub's error shape, defaulting to 500", async () => {
    await setFaults([{ path: TOKENS_PATH, times: 1 }]);
    const response = await listTokens();
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: "Internal Server Error", documentation_url: "https://docs.github.com/rest", status: "500" });
    expect(response.headers.get("x-ratelimit-remaining")).not.toBeNull();
  });

  it("matches on method and path", async () => {
    await setFaults([{ method: "post", path: "^/orgs/acme/", status: 503 }]);
    expect((await listTokens()).status).toBe(200);
    const write = await api(fake, token, "/orgs/acme/personal-access-tokens", { method: "POST", body: { action: "revoke", pat_ids: [1] } });
    expect(write.status).toBe(503);
    expect((await api(fake, token, "/orgs/globex/personal-access-tokens", { method: "POST", body: {} })).status).toBe(403);
  });

  it("fails a `rate` share of requests, reproducibly from the seed", async () => {
    const run = async () => {
      await setFaults([{ path: TOKENS_PATH, rate: 0.5, status: 500 }]);
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await listTokens()).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it("clears with an empty list, and refuses faults it cannot read", async () => {
    await setFaults([{ path: TOKENS_PATH, status: 500 }]);
    await setFaults([]);
    expect((await listTokens()).status).toBe(200);
    const bad = await fetch(`${fake.url}/_fake/faults`, { method: "POST", body: JSON.stringify({ faults: [{ path: "(" }] }) });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${fake.url}/_fake/faults`, { method: "POST", body: JSON.stringify({ faults: [{ kind: "explode" }] }) });
    expect(unknown.status).toBe(400);
  });
});

describe("rate limits", () => {
  it("answers a secondary rate limit like GitHub: 403, retry-after, and the message octokit looks for", async () => {
    await setFaults([{ path: TOKENS_PATH, kind: "secondary-rate-limit", retryAfter: 7, times: 1 }]);
    const response = await listTokens();
    expect(response.status).toBe(403);
    expect(response.headers.get("retry-after")).toBe("7");
    const body = (await response.json()) as { message: string; documentation_url: string };
    expect(body.message).toMatch(/^You have exceeded a secondary rate limit\./);
    expect(body.message).toContain(response.headers.get("x-github-request-id")!);
    expect(body.documentation_url).toContain("secondary-rate-limits");
  });

  it("is recognised by @octokit/plugin-throttling as a secondary limit, which then retries and succeeds", async () => {
    await setFaults([{ path: TOKENS_PATH, kind: "secondary-rate-limit", retryAfter: 3, times: 1 }]);
    const seen: number[] = [];
    const response = await octokit({ onSecondaryRateLimit: (retryAfter) => (seen.push(retryAfter), true) }).request("GET /orgs/{org}/personal-access-tokens", { org: "acme" });
    expect(seen).toEqual([3]);
    expect(response.status).toBe(200);
  });

  it("answers primary exhaustion like GitHub: 403, x-ratelimit-remaining 0, a reset seconds away", async () => {
    await setFaults([{ path: TOKENS_PATH, kind: "primary-rate-limit", times: 1 }]);
    const response = await listTokens();
    expect(response.status).toBe(403);
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(response.headers.get("x-ratelimit-limit")).toBe("5000");
    const reset = Number(response.headers.get("x-ratelimit-reset"));
    expect(reset).toBeGreaterThan(Date.now() / 1000);
    expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 10);
    expect(((await response.json()) as { message: string }).message).toMatch(/^API rate limit exceeded for installation ID 101\./);
  });

  it("is recognised by @octokit/plugin-throttling as the primary limit", async () => {
    await setFaults([{ path: TOKENS_PATH, kind: "primary-rate-limit", retryAfter: 2 }]);
    const seen: number[] = [];
    const request = octokit({ onRateLimit: (retryAfter) => (seen.push(retryAfter), false) }).request("GET /orgs/{org}/personal-access-tokens", { org: "acme" });
    await expect(request).rejects.toMatchObject({ status: 403 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThanOrEqual(2);
    expect(seen[0]).toBeLessThanOrEqual(4);
  });
});

describe("faulted writes", () => {
  it("change nothing: a failed bulk review and a rate-limited revoke leave the state as it was", async () => {
    const [request] = (await (await api(fake, token, "/orgs/acme/personal-access-token-requests?per_page=1")).json()) as { id: number }[];
    const [grant] = (await (await listTokens()).json()) as { id: number }[];
    await setFaults([
      { method: "POST", path: "^/orgs/acme/personal-access-token-requests$", status: 500 },
      { method: "POST", path: "^/orgs/acme/personal-access-tokens/\\d+$", kind: "secondary-rate-limit" },
    ]);
    const review = await api(fake, token, "/orgs/acme/personal-access-token-requests", { method: "POST", body: { pat_request_ids: [request!.id], action: "approve" } });
    expect(review.status).toBe(500);
    const revoke = await api(fake, token, `/orgs/acme/personal-access-tokens/${grant!.id}`, { method: "POST", body: { action: "revoke" } });
    expect(revoke.status).toBe(403);
    await sleep(APPLY_DELAY_MS * 3);
    expect(await control(fake, "state/orgs/acme")).toEqual({ pendingRequests: 20, activeTokens: 40, revokedTokens: 0, reviewedRequests: 0, cancelledRequests: 0 });
    expect(await control(fake, `state/orgs/acme/requests/${request!.id}`)).toMatchObject({ status: "pending" });
  });

  it("with error-after, apply the write and then answer the error, as a gateway failing after GitHub acted", async () => {
    const [grant] = (await (await listTokens()).json()) as { id: number }[];
    await setFaults([{ method: "POST", path: "^/orgs/acme/personal-access-tokens/\\d+$", kind: "error-after", status: 502, times: 1 }]);
    const revoke = await api(fake, token, `/orgs/acme/personal-access-tokens/${grant!.id}`, { method: "POST", body: { action: "revoke" } });
    expect(revoke.status).toBe(502);
    expect(await revoke.json()).toMatchObject({ message: "Server Error" });
    expect(await control(fake, `state/orgs/acme/tokens/${grant!.id}`)).toMatchObject({ status: "revoked" });
  });
});
