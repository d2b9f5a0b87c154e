import { RequestError } from "@octokit/request-error";
import { describe, expect, it, vi } from "vitest";
import { GitHubError, toGitHubError } from "./github-error";

const request = { method: "GET" as const, url: "https://api.github.test/orgs/acme/personal-access-tokens", headers: {} };

function answer(status: number, data: unknown, headers: Record<string, string> = {}) {
  return new RequestError("http error", status, { request, response: { status, url: request.url, headers, data } });
}

function connectionFailure(cause: Error) {
  return new RequestError(cause.message, 500, { request, cause });
}

const tokensWrite = { org: "acme", permission: { name: "Personal access tokens", access: "write" } as const };

describe("toGitHubError", () => {
  it("names the permission the app lacks on a 403", () => {
    const error = toGitHubError(answer(403, { message: "Resource not accessible by integration" }), tokensWrite);
    expect(error).toMatchObject({ code: "missing_permission", status: 403 });
    expect(error!.message).toContain('"Personal access tokens" (write) on acme');
    expect(error!.message).toContain("Resource not accessible by integration");
  });

  it("recognises a RequestError from a second copy of the class (as a bundler may load it)", () => {
    const original = answer(403, { message: "Resource not accessible by integration" });
    const lookalike = Object.assign(new Error(original.message), { name: "HttpError", status: 403, request, response: original.response });
    expect(toGitHubError(lookalike, tokensWrite)).toMatchObject({ code: "missing_permission", status: 403 });
    expect(toGitHubError(Object.assign(new Error("x"), { name: "TypeError", status: 403 }))).toBeUndefined();
  });

  it("reads a primary rate limit's reset time into seconds to wait", () => {
    vi.useFakeTimers({ now: new Date("2025-01-01T00:00:00Z") });
    try {
      const reset = String(Date.parse("2025-01-01T00:00:41Z") / 1000);
      const error = toGitHubError(answer(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }));
      expect(error).toMatchObject({ code: "rate_limited", status: 403, retryAfter: 42 });
    } finally {
      vi.useRealTimers();
    }
  });

  it("honours retry-after on a secondary rate limit, with a fallback when it is missing", () => {
    expect(toGitHubError(answer(429, { message: "Too many requests" }, { "retry-after": "30" }))).toMatchObject({ code: "rate_limited", retryAfter: 30 });
    const secondary = toGitHubError(answer(403, { message: "You have exceeded a secondary rate limit." }));
    expect(secondary).toMatchObject({ code: "rate_limited", retryAfter: 60 });
    expect(secondary!.message).toContain("secondary rate limit");
  });

  it("says what a 404 means for the call", () => {
    expect(toGitHubError(answer(404, { message: "Not Found" }), { org: "acme" })!.message).toBe(
      "acme was not found on GitHub, or Grantdesk is not installed on it.",
    );
    expect(toGitHubError(answer(404, { message: "Not Found" }), { notFound: "Token 7 is gone." })).toMatchObject({
      code: "not_found",
      status: 404,
      message: "Token 7 is gone.",
    });
  });

  it("passes on GitHub's validation message and details on a 422", () => {
    const error = toGitHubError(
      answer(422, { message: "Validation Failed", errors: [{ resource: "PAT", field: "pat_ids", code: "invalid" }, "ids must be unique"] }),
    );
    expect(error).toMatchObject({ code: "validation_failed", status: 422 });
    expect(error!.message).toBe("GitHub refused the request: Validation Failed (pat_ids invalid; ids must be unique)");
  });

  it("blames the app credentials on a 401", () => {
    expect(toGitHubError(answer(401, { message: "Bad credentials" }))).toMatchObject({ code: "github_unauthorized", status: 401 });
  });

  it("calls a 5xx, a timeout and a broken connection unclear, and a refused connection clear", () => {
    const unavailable = toGitHubError(answer(502, "<html>Bad Gateway</html>"));
    expect(unavailable).toMatchObject({ code: "github_unavailable", status: 502, outcomeUnclear: true });
    expect(unavailable!.message).toBe("GitHub failed to answer (502).");

    const timeout = toGitHubError(connectionFailure(new DOMException("aborted due to timeout", "TimeoutError")), { timeoutMs: 2500 });
    expect(timeout).toMatchObject({ code: "github_timeout", status: undefined, outcomeUnclear: true });
    expect(timeout!.message).toBe("GitHub did not answer within 2.5 s.");

    const reset = new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
    expect(toGitHubError(connectionFailure(reset))).toMatchObject({ code: "github_unavailable", outcomeUnclear: true });

    const refused = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
    expect(toGitHubError(connectionFailure(refused))).toMatchObject({ code: "github_unreachable", outcomeUnclear: false });
  });

  it("never repeats a credential GitHub echoes back", () => {
    const error = toGitHubError(answer(422, { message: "token ghs_16C7e42F292c6912E7710c838347Ae178B4a is invalid" }));
    expect(error!.message).not.toContain("ghs_16C7");
  });

  it("leaves errors that are not GitHub's alone", () => {
    expect(toGitHubError(new TypeError("x is not a function"))).toBeUndefined();
  });
});

describe("GitHubError across copies of its module", () => {
  it("is recognised by instanceof whichever copy of the class made it", async () => {
    vi.resetModules();
    const other = await import("./github-error");
    expect(other.GitHubError).not.toBe(GitHubError);
    expect(new other.GitHubError("not_installed", "not installed")).toBeInstanceOf(GitHubError);
    expect(new GitHubError("not_installed", "not installed")).toBeInstanceOf(other.GitHubError);
    expect(new Error("x")).not.toBeInstanceOf(GitHubError);
  });
});
