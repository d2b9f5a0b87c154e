import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { GitHubError } from "@/lib/github/github-error";
import { authorizeRequest } from "@/lib/auth/authorize-request";
import type { ApiAnswer } from "@/lib/contract/api-answer";
import { ApiError } from "@/lib/contract/api-error";
import { apiRoute } from "./api-route";

// The gate itself is tested in lib/auth and by the route × role matrix; here it lets mona in.
vi.mock("@/lib/auth/authorize-request", () => ({
  authorizeRequest: vi.fn(async () => ({ login: "mona", id: 1001, name: "Mona", image: null })),
}));
// Nor is there a GitHub App to pick up from a database here.
vi.mock("@/lib/app-credentials/app-credentials", () => ({ syncAppCredentials: vi.fn(async () => undefined) }));
// Turns under load are tested in request-admission.test.ts; here every call is admitted at once unless a test says otherwise.
vi.mock("./request-admission", () => ({ admitRequest: vi.fn(async () => undefined) }));
import { admitRequest } from "./request-admission";
import { orgItemParams, orgParams, inventoryListQuerySchema, reviewBodySchema } from "./input-schemas";

const context = (params: Record<string, string>) => ({ params: Promise.resolve(params) });
const get = (path: string) => new NextRequest(`http://grantdesk.test${path}`);
const post = (path: string, body: string, type = "application/json") =>
  new NextRequest(`http://grantdesk.test${path}`, { method: "POST", body, headers: { "content-type": type } });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("apiRoute", () => {
  // Echoes its input; a real handler answers a contract type (ApiAnswer).
  const listHandler = vi.fn(async (input: { params: { org: string }; query: unknown }) => ({ org: input.params.org, query: input.query }) as unknown as ApiAnswer);
  const list = apiRoute({ params: orgParams, query: inventoryListQuerySchema }, listHandler);

  it("hands the handler parsed input and answers its result as uncached JSON", async () => {
    const response = await list(
      get("/api/orgs/acme/requests?owner=mona&owner=hubot,octocat&per_page=50&last_used_before=2025-01-31&signal=expired,no-expiry&q=%20ci%20&sort=owner"),
      context({ org: "acme" }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      org: "acme",
      query: {
        page: 1,
        perPage: 50,
        sort: { column: "owner", direction: "desc" },
        filters: { owner: ["mona", "hubot", "octocat"], lastUsedBefore: "2025-01-31T00:00:00.000Z", signals: ["expired", "no-expiry"], search: "ci" },
      },
    });
  });

  it.each([
    ["/api/orgs/-acme/requests", { org: "-acme" }, /^org: must be a GitHub organization name/],
    ["/api/orgs/acme/requests?per_page=101", { org: "acme" }, /^per_page: must be a whole number from 1 to 100$/],
    ["/api/orgs/acme/requests?page=0", { org: "acme" }, /^page: must be a whole number from 1/],
    ["/api/orgs/acme/requests?perPage=5", { org: "acme" }, /^unknown query field "perPage"$/],
    ["/api/orgs/acme/requests?direction=up", { org: "acme" }, /^direction: must be "asc" or "desc"$/],
    ["/api/orgs/acme/requests?permission=issues", { org: "acme" }, /^permission: must be a GitHub permission and level/],
    ["/api/orgs/acme/requests?last_used_after=last%20week", { org: "acme" }, /^last_used_after: must be an ISO 8601/],
    ["/api/orgs/acme/requests?owner=a,b,c,d,e,f,g,h,i,j,k", { org: "acme" }, /^owner: may name at most 10 logins$/],
    ["/api/orgs/acme/requests?owner=mona&owner=%3Cscript%3E", { org: "acme" }, /^owner\[1\]: must be a GitHub login$/],
    ["/api/orgs/acme/requests?page=1&page=2", { org: "acme" }, /^page: /],
    ["/api/orgs/acme/requests?page=99999999999", { org: "acme" }, /^page: must be a whole number from 1 to 100000$/],
    ["/api/orgs/acme/requests?sort=name", { org: "acme" }, /^sort: must be one of listed, expires, last-used, owner$/],
    ["/api/orgs/acme/requests?signal=stale", { org: "acme" }, /^signal\[0\]: must be one of expired, /],
    ["/api/orgs/acme/requests?state=deleted", { org: "acme" }, /^state: must be one of active, gone, all$/],
    ["/api/orgs/acme/requests?unused_days=0", { org: "acme" }, /^unused_days: must be a whole number from 1 to 3650$/],
    ["/api/orgs/acme/requests?q=" + "x".repeat(101), { org: "acme" }, /^q: must be at most 100 characters$/],
    ["/api/orgs/acme/requests?q=ci%E2%80%AEbot", { org: "acme" }, /^q: must not contain bidirectional override or isolate characters \(U\+202E at position 3\)$/],
    ["/api/orgs/acme/requests?q=%00", { org: "acme" }, /^q: must not contain control characters \(U\+0000/],
    ["/api/orgs/acme/requests?__proto__=x", { org: "acme" }, /^unknown query field "__proto__"$/],
  ])("answers 400 naming the field for %s, without calling the handler", async (path, params, message) => {
    listHandler.mockClear();
    const response = await list(get(path), context(params));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toMatch(message);
    expect(listHandler).not.toHaveBeenCalled();
  });

  it.each(["/x?page=1", "/x?__proto__=1", "/x?__proto__[admin]=1", "/x?constructor=1&x=2"])("refuses %s on a route that reads no query, naming the field", async (path) => {
    const handler = vi.fn(() => Response.json({}));
    const route = apiRoute({ params: orgParams }, handler);
    const response = await route(get(path), context({ org: "acme" }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toEqual({ code: "bad_request", message: expect.stringMatching(/^unknown query fields? "/) });
    expect(handler).not.toHaveBeenCalled();
  });

  it("validates ids in the path", async () => {
    const route = apiRoute({ params: orgItemParams }, ({ params }) => Response.json(params));
    expect(await (await route(get("/x"), context({ org: "acme", id: "12" }))).json()).toEqual({ org: "acme", id: 12 });
    const bad = await route(get("/x"), context({ org: "acme", id: "12abc" }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe("id: must be a positive whole number");
  });

  describe("with a JSON body", () => {
    const reviewHandler = vi.fn(async (input: { body: unknown }) => Response.json(input.body));
    const review = apiRoute({ params: orgParams, body: reviewBodySchema }, reviewHandler);

    it("parses it", async () => {
      const response = await review(post("/r", JSON.stringify({ ids: [1, 2], action: "deny", reason: "" })), context({ org: "acme" }));
      expect(await response.json()).toEqual({ ids: [1, 2], action: "deny" });
    });

    it.each([
      [{ ids: [], action: "deny" }, "ids: must name at least one id"],
      [{ ids: [1, -2, 1.5], action: "deny" }, "ids[1]: must be a positive whole number; ids[2]: must be a positive whole number"],
      [{ ids: Array.from({ length: 1001 }, (_, index) => index + 1), action: "deny" }, "ids: may name at most 1000 ids per call"],
      [{ ids: [1], action: "delete" }, 'action: must be "approve" or "deny"'],
      [{ ids: [1], action: "deny", reason: "x".repeat(1025) }, "reason: must be at most 1024 characters"],
      [{ ids: [1], action: "deny", extra: true }, 'unknown body field "extra"'],
      [[1, 2], "body: Invalid input: expected object, received array"],
      [{ ids: [1], action: "deny", reason: "ok\u0000" }, "reason: must not contain control characters (U+0000 at position 3); only tabs and line breaks (\\n) are allowed"],
      [{ ids: [1], action: "deny", reason: "line\r\nbreak" }, "reason: must not contain control characters (U+000D at position 5); only tabs and line breaks (\\n) are allowed"],
      [{ ids: [1], action: "deny", reason: "\u0085" }, "reason: must not contain control characters (U+0085 at position 1); only tabs and line breaks (\\n) are allowed"],
      [{ ids: [1], action: "deny", reason: "approved \u202Etxt.exe" }, "reason: must not contain bidirectional override or isolate characters (U+202E at position 10)"],
      [{ ids: [1], action: "deny", reason: "\u2067x\u2069" }, "reason: must not contain bidirectional override or isolate characters (U+2067 at position 1)"],
      [{ ids: [1], action: "deny", reason: "half \ud83d" }, "reason: must be valid Unicode text (a lone surrogate U+D83D at position 6)"],
    ])("answers 400 for %j", async (body, message) => {
      reviewHandler.mockClear();
      const response = await review(post("/r", JSON.stringify(body)), context({ org: "acme" }));
      expect(response.status).toBe(400);
      expect((await response.json()).error).toEqual({ code: "bad_request", message });
      expect(reviewHandler).not.toHaveBeenCalled();
    });

    it("keeps tabs, line breaks, direction marks and any script", async () => {
      const reason = "Approved:\n\t- per ticket #42\u200F — ok ✅ שלום 你好 🎉";
      const response = await review(post("/r", JSON.stringify({ ids: [1], action: "approve", reason })), context({ org: "acme" }));
      expect(await response.json()).toEqual({ ids: [1], action: "approve", reason });
    });

    it("stops reading a body sent without a length (chunked) at 64 KiB, answering 413", async () => {
      reviewHandler.mockClear();
      let sent = 0;
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += 16 * 1024;
          controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
        },
      });
      const request = new NextRequest("http://grantdesk.test/r", { method: "POST", body: endless, headers: { "content-type": "application/json" }, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]);
      expect(request.headers.get("content-length")).toBeNull();
      const response = await review(request, context({ org: "acme" }));
      expect(response.status).toBe(413);
      expect((await response.json()).error).toEqual({ code: "payload_too_large", message: "The body is larger than 64 KiB." });
      expect(sent).toBeLessThanOrEqual(64 * 1024 + 3 * 16 * 1024);
      expect(reviewHandler).not.toHaveBeenCalled();
    });

    it("refuses anything but application/json, malformed JSON and oversized bodies", async () => {
      const form = await review(post("/r", "ids=1&action=deny", "application/x-www-form-urlencoded"), context({ org: "acme" }));
      expect(form.status).toBe(415);
      expect((await form.json()).error.code).toBe("unsupported_media_type");
      const broken = await review(post("/r", "{ids:"), context({ org: "acme" }));
      expect(broken.status).toBe(400);
      expect((await broken.json()).error.message).toBe("body: not valid JSON");
      const huge = await review(post("/r", JSON.stringify({ ids: [1], action: "deny", reason: "x".repeat(70_000) })), context({ org: "acme" }));
      expect(huge.status).toBe(413);
      expect(reviewHandler).not.toHaveBeenCalled();
    });
  });

  it("authorizes with the validated org before the query and body are read, and hands the handler the user", async () => {
    vi.mocked(authorizeRequest).mockRejectedValueOnce(new ApiError("forbidden", "You are not an owner of acme."));
    const handler = vi.fn();
    const route = apiRoute({ params: orgParams, query: z.strictObject({}) }, handler);
    const response = await route(get("/x?not=allowed"), context({ org: "acme" }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "forbidden", message: "You are not an owner of acme." } });
    expect(authorizeRequest).toHaveBeenLastCalledWith(expect.any(NextRequest), "acme");
    expect(handler).not.toHaveBeenCalled();

    const allowed = apiRoute({ params: orgParams }, ({ user }) => Response.json({ login: user.login }));
    expect(await (await allowed(get("/x"), context({ org: "acme" }))).json()).toEqual({ login: "mona" });
  });

  it("never authorizes a malformed org name: the path is refused first", async () => {
    vi.mocked(authorizeRequest).mockClear();
    const route = apiRoute({ params: orgParams }, vi.fn());
    expect((await route(get("/x"), context({ org: "../etc" }))).status).toBe(400);
    expect(authorizeRequest).not.toHaveBeenCalled();
  });

  it.each([
    [new GitHubError("missing_permission", "Needs Personal access tokens (read).", { status: 403 }), 403],
    [new GitHubError("not_installed", "Grantdesk is not installed on initech.", { status: 404 }), 404],
    [new GitHubError("not_found", "Gone.", { status: 404 }), 404],
    [new GitHubError("validation_failed", "GitHub refused the request: nope", { status: 422 }), 422],
    [new GitHubError("conflict", "GitHub refused: busy", { status: 409 }), 409],
    [new GitHubError("github_unauthorized", "GitHub rejected Grantdesk's app credentials.", { status: 401 }), 502],
    [new GitHubError("github_unavailable", "GitHub failed to answer (500).", { status: 500 }), 502],
    [new GitHubError("github_unreachable", "Could not connect."), 503],
    [new GitHubError("github_timeout", "GitHub did not answer within 10 s."), 504],
  ])("maps %s to %i", async (error, status) => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const route = apiRoute({}, () => Promise.reject(error));
    const response = await route(get("/x"), context({}));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: { code: error.code, message: error.message } });
  });

  it("answers a rate limit with 429, retryAfter and a Retry-After header", async () => {
    const route = apiRoute({}, () => {
      throw new GitHubError("rate_limited", "Try again in 42 s.", { status: 403, retryAfter: 42 });
    });
    const response = await route(get("/x"), context({}));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
    expect(await response.json()).toEqual({ error: { code: "rate_limited", message: "Try again in 42 s.", retryAfter: 42 } });
  });

  it("answers a call refused its turn (server overloaded) with 503, retryAfter and a Retry-After header, before anything else is done", async () => {
    vi.mocked(authorizeRequest).mockClear();
    vi.mocked(admitRequest).mockRejectedValueOnce(new ApiError("overloaded", "Try again in a few seconds.", { retryAfter: 5 }));
    const handler = vi.fn(async () => ({}) as unknown as ApiAnswer);
    const response = await apiRoute({ params: orgParams }, handler)(get("/api/orgs/acme/tokens"), context({ org: "acme" }));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: { code: "overloaded", message: "Try again in a few seconds.", retryAfter: 5 } });
    expect(authorizeRequest).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });

  it("hides unknown errors behind a generic 500 and logs them without secrets", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const route = apiRoute({}, () => {
      throw new Error("boom with ghs_16C7e42F292c6912E7710c838347Ae178B4a");
    });
    const response = await route(get("/api/orgs"), context({}));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe("internal_error");
    expect(text).not.toContain("boom");
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toContain("GET /api/orgs failed: Error: boom with [REDACTED]");
  });
});
