import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/contract/api-error";
import { apiFetch, isRetryableError } from "./api-fetch";

function answer(status: number, body: string, contentType = "application/json") {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(body, { status, headers: { "content-type": contentType } })));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("apiFetch", () => {
  it("returns the JSON body of a success", async () => {
    answer(200, JSON.stringify({ items: [], page: 1 }));
    await expect(apiFetch("/api/orgs/acme/requests")).resolves.toEqual({ items: [], page: 1 });
  });

  it("sends JSON bodies as JSON, same-origin", async () => {
    answer(200, JSON.stringify({ results: [], accepted: 0, failed: 0 }));
    await apiFetch("/api/orgs/acme/requests/review", { method: "POST", body: JSON.stringify({ ids: [1] }) });
    const [, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(init).toMatchObject({ method: "POST", credentials: "same-origin" });
    expect(init?.headers).toMatchObject({ "content-type": "application/json" });
  });

  it("throws the route's error with its status, code, message and retryAfter", async () => {
    answer(429, JSON.stringify({ error: { code: "rate_limited", message: "GitHub asks to wait.", retryAfter: 30 } }));
    const error = await apiFetch("/api/x").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", message: "GitHub asks to wait.", retryAfter: 30 });
  });

  it("turns a non-JSON failure into a readable error", async () => {
    answer(502, "<html>Bad gateway</html>", "text/html");
    await expect(apiFetch("/api/x")).rejects.toMatchObject({ status: 502, code: "unexpected_response", message: expect.stringContaining("HTTP 502") });
  });

  it("reports an unreachable server as status 0", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("fetch failed"))));
    await expect(apiFetch("/api/x")).rejects.toMatchObject({ status: 0, code: "network_error" });
  });

  it("lets an abort through untouched", async () => {
    const controller = new AbortController();
    controller.abort();
    const aborted = new DOMException("aborted", "AbortError");
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(aborted)));
    await expect(apiFetch("/api/x", { signal: controller.signal })).rejects.toBe(aborted);
  });
});

describe("isRetryableError", () => {
  it("retries outages and rate limits, not refusals", () => {
    expect(isRetryableError(new ApiError("network_error", ""))).toBe(true);
    expect(isRetryableError(new ApiError("github_unavailable", ""))).toBe(true);
    expect(isRetryableError(new ApiError("rate_limited", ""))).toBe(true);
    expect(isRetryableError(new ApiError("missing_permission", ""))).toBe(false);
    expect(isRetryableError(new Error("bug"))).toBe(false);
  });
});
