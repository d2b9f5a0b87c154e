import { generateKeyPairSync } from "node:crypto";
import { importSPKI, jwtVerify } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/contract/api-error";
import { createGitHubClient, type GitHubClientConfig } from "./create-github-client";
import { getOrgMembership } from "./get-org-membership";
import { listInstalledOrgs } from "./list-installed-orgs";
import { listRequestRepositories } from "./list-repositories";
import { listRequests } from "./list-requests";
import { listTokens } from "./list-tokens";
import { reviewRequests } from "./review-requests";
import { revokeTokens } from "./revoke-tokens";
import type { UserTokenSource } from "./user-token-auth";

const API = "https://api.github.test";
const INSTALLATION_TOKEN = "ghs_installationToken0000000000000001";
const { privateKey, publicKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

interface Call {
  method: string;
  url: string;
  path: string;
  body: unknown;
  headers: Headers;
  signal: AbortSignal | null | undefined;
}

const json = (status: number, data: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(data), { status, headers: { "content-type": "application/json", ...headers } });

const requestRow = {
  id: 11,
  reason: "Deploys",
  owner: { login: "mona", id: 1, avatar_url: "https://avatars.test/u/1" },
  repository_selection: "subset",
  repositories_url: `${API}/organizations/42/personal-access-token-requests/11/repositories`,
  permissions: { repository: { contents: "write" } },
  created_at: "2025-01-02T03:04:05Z",
  token_id: 9001,
  token_name: "deploy",
  token_expired: false,
  token_expires_at: null,
  token_last_used_at: "2025-01-03T00:00:00Z",
};

/**
 * A stand-in for GitHub at the fetch level: the app's installation on `acme` (id 101) and its
 * token are built in; `answer` serves everything else (undefined → 404).
 */
function fakeGitHub(answer: (call: Call) => Response | Promise<Response> | undefined = () => undefined) {
  const calls: Call[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const call: Call = {
      method: init?.method ?? "GET",
      url,
      path: url.slice(API.length),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      headers: new Headers(init?.headers),
      signal: init?.signal,
    };
    calls.push(call);
    if (call.method === "GET" && call.path === "/orgs/acme/installation") return json(200, { id: 101 });
    if (call.method === "POST" && call.path === "/app/installations/101/access_tokens") {
      return json(201, { token: INSTALLATION_TOKEN, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {} });
    }
    return (await answer(call)) ?? json(404, { message: "Not Found" });
  });
  const config: GitHubClientConfig = {
    apiUrl: API,
    appId: "4242",
    privateKey,
    timeoutMs: 5_000,
    fetch: fetchImpl as typeof fetch,
  };
  const appCalls = () => calls.filter((call) => call.path.startsWith("/app/") || call.path.endsWith("/installation"));
  const orgCalls = () => calls.filter((call) => !appCalls().includes(call));
  return { calls, appCalls, orgCalls, config, client: createGitHubClient(config) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the GitHub client", () => {
  it("sends array filters as owner[]= / token_id[]= on the exact URL, with the pinned API version", async () => {
    const github = fakeGitHub((call) => (call.path.startsWith("/orgs/acme/personal-access-tokens?") ? json(200, []) : undefined));
    await listTokens("acme", { owner: ["mona", "hubot"], tokenId: [5, 6], page: 2, perPage: 50, direction: "asc" }, github.client);
    expect(github.orgCalls().map((call) => call.url)).toEqual([
      `${API}/orgs/acme/personal-access-tokens?per_page=50&page=2&direction=asc&owner[]=mona&owner[]=hubot&token_id[]=5&token_id[]=6`,
    ]);
    expect(github.calls.every((call) => call.headers.get("x-github-api-version") === "2022-11-28")).toBe(true);
  });

  it("authenticates as the app for installation calls and with the org's installation token for the rest", async () => {
    const github = fakeGitHub((call) => (call.path.startsWith("/orgs/acme/personal-access-token-requests?") ? json(200, []) : undefined));
    await listRequests("acme", {}, github.client);
    const [lookup, mint, list] = github.calls;
    expect([lookup!.path, mint!.path, list!.path]).toEqual([
      "/orgs/acme/installation",
      "/app/installations/101/access_tokens",
      "/orgs/acme/personal-access-token-requests?per_page=30&page=1",
    ]);
    const jwt = lookup!.headers.get("authorization")!.replace(/^bearer /, "");
    const { payload } = await jwtVerify(jwt, await importSPKI(publicKey, "RS256"));
    expect(payload.iss).toBe("4242");
    expect(mint!.headers.get("authorization")).toMatch(/^bearer ey/);
    expect(list!.headers.get("authorization")).toBe(`token ${INSTALLATION_TOKEN}`);
  });

  it("looks up the installation and mints its token once for many calls, even concurrent ones", async () => {
    const github = fakeGitHub((call) => (call.path.startsWith("/orgs/acme/") ? json(200, []) : undefined));
    await Promise.all(Array.from({ length: 20 }, () => listTokens("acme", {}, github.client)));
    for (let index = 0; index < 20; index++) await listRequests("acme", {}, github.client);
    expect(github.appCalls().map((call) => call.path)).toEqual(["/orgs/acme/installation", "/app/installations/101/access_tokens"]);
    expect(github.orgCalls()).toHaveLength(40);
  });

  it("maps GitHub's rows to the wire shape and reads the Link header", async () => {
    const github = fakeGitHub((call) =>
      call.path.startsWith("/orgs/acme/personal-access-token-requests?")
        ? json(200, [requestRow], { link: `<${API}/x?page=2>; rel="next", <${API}/x?page=7>; rel="last"` })
        : undefined,
    );
    expect(await listRequests("acme", {}, github.client)).toEqual({
      items: [
        {
          id: 11,
          tokenId: 9001,
          tokenName: "deploy",
          owner: { login: "mona", id: 1, avatarUrl: "https://avatars.test/u/1" },
          repositorySelection: "subset",
          permissions: { organization: {}, repository: { contents: "write" }, other: {} },
          tokenExpired: false,
          tokenExpiresAt: null,
          tokenLastUsedAt: "2025-01-03T00:00:00.000Z",
          reason: "Deploys",
          createdAt: "2025-01-02T03:04:05.000Z",
          gone: null,
        },
      ],
      page: 1,
      perPage: 30,
      hasNextPage: true,
      lastPage: 7,
    });
  });

  it("reports an org without the app as not installed, and a missing request with a useful 404", async () => {
    const github = fakeGitHub((call) => (call.path === "/orgs/initech/installation" ? json(404, { message: "Not Found" }) : undefined));
    await expect(listTokens("initech", {}, github.client)).rejects.toMatchObject({
      name: "GitHubError",
      code: "not_installed",
      status: 404,
      message: expect.stringContaining("Grantdesk is not installed on initech"),
    });
    await expect(listRequestRepositories("acme", 77, {}, github.client)).rejects.toMatchObject({
      code: "not_found",
      message: "Request 77 is not pending in acme (already reviewed, or no such request).",
    });
  });

  it("retries a read that failed with a 5xx", async () => {
    let attempts = 0;
    const github = fakeGitHub((call) => {
      if (!call.path.startsWith("/orgs/acme/personal-access-tokens?")) return undefined;
      attempts += 1;
      return attempts === 1 ? json(502, { message: "Bad Gateway" }) : json(200, []);
    });
    await expect(listTokens("acme", {}, github.client)).resolves.toMatchObject({ items: [] });
    expect(attempts).toBe(2);
  });

  it("uses the single endpoint for one id and the bulk endpoint for several", async () => {
    const github = fakeGitHub((call) => (call.method === "POST" && call.path.startsWith("/orgs/acme/") ? json(call.path.endsWith("/7") ? 204 : 202, {}) : undefined));
    expect(await reviewRequests("acme", [7], "deny", "Not needed", { client: github.client })).toEqual({ results: [{ id: 7, ok: true }], accepted: 1, skipped: 0, failed: 0 });
    await reviewRequests("acme", [1, 2, 1], "approve", undefined, { client: github.client });
    const writes = github.orgCalls().filter((call) => call.method === "POST");
    expect(writes.map((call) => [call.url, call.body])).toEqual([
      [`${API}/orgs/acme/personal-access-token-requests/7`, { action: "deny", reason: "Not needed" }],
      [`${API}/orgs/acme/personal-access-token-requests`, { pat_request_ids: [1, 2], action: "approve" }],
    ]);
  });

  it("never resends a write GitHub answered 502, and re-reads the list to tell what happened", async () => {
    const github = fakeGitHub((call) => {
      if (call.method === "POST" && call.path === "/orgs/acme/personal-access-tokens") return json(502, { message: "Bad Gateway" });
      if (call.path.startsWith("/orgs/acme/personal-access-tokens?")) return json(200, [{ ...requestRow, id: 3, access_granted_at: "2025-01-01T00:00:00Z" }]);
      return undefined;
    });
    const result = await revokeTokens("acme", [3, 4], { client: github.client });
    const posts = github.orgCalls().filter((call) => call.method === "POST");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({ pat_ids: [3, 4], action: "revoke" });
    expect(github.orgCalls().filter((call) => call.method === "GET").map((call) => call.path)).toEqual([
      "/orgs/acme/personal-access-tokens?per_page=100&page=1",
    ]);
    expect(result.results).toEqual([
      expect.objectContaining({ id: 3, ok: false, status: 502, code: "not_applied" }),
      { id: 4, ok: true, inferred: true },
    ]);
  });

  it("gives up on a write after the timeout without resending it", async () => {
    const github = fakeGitHub((call) => {
      if (call.method === "POST") return new Promise<Response>((_, reject) => call.signal?.addEventListener("abort", () => reject(call.signal!.reason)));
      if (call.path.startsWith("/orgs/acme/personal-access-tokens?")) return json(200, [{ ...requestRow, id: 5, access_granted_at: "2025-01-01T00:00:00Z" }]);
      return undefined;
    });
    const client = createGitHubClient({ ...github.config, timeoutMs: 300 });
    const result = await revokeTokens("acme", [5], { client });
    expect(github.orgCalls().filter((call) => call.method === "POST").map((call) => call.path)).toEqual(["/orgs/acme/personal-access-tokens/5"]);
    expect(result.results).toEqual([
      { id: 5, ok: false, code: "not_applied", error: expect.stringMatching(/^GitHub did not answer within 0\.3 s\. It was still active/) },
    ]);
  });

  it("lists the orgs the app is installed on, and remembers their installations", async () => {
    const account = (login: string, type: string) => ({ login, id: login.length, avatar_url: `https://avatars.test/${login}`, type });
    const github = fakeGitHub((call) => {
      if (call.path === "/app/installations?per_page=100&page=1") {
        return json(200, [
          { id: 102, account: account("globex", "Organization"), target_type: "Organization", suspended_at: null },
          { id: 103, account: account("mona", "User"), target_type: "User", suspended_at: null },
          { id: 104, account: account("hooli", "Organization"), target_type: "Organization", suspended_at: "2025-01-01T00:00:00Z" },
          { id: 101, account: account("Acme", "Organization"), target_type: "Organization", suspended_at: null },
        ]);
      }
      if (call.path === "/app/installations/102/access_tokens") return json(201, { token: "ghs_other", expires_at: new Date(Date.now() + 3_600_000).toISOString() });
      if (call.path.startsWith("/orgs/globex/personal-access-tokens?")) return json(200, []);
      return undefined;
    });
    expect(await listInstalledOrgs(github.client)).toEqual([
      { login: "Acme", id: 4, avatarUrl: "https://avatars.test/Acme" },
      { login: "globex", id: 6, avatarUrl: "https://avatars.test/globex" },
    ]);
    await listTokens("globex", {}, github.client);
    expect(github.calls.some((call) => call.path === "/orgs/globex/installation")).toBe(false);
  });

  it("answers an org membership, or null for a non-member", async () => {
    const github = fakeGitHub((call) =>
      call.path === "/orgs/acme/memberships/mona" ? json(200, { role: "admin", state: "active", user: { login: "mona", id: 1001 } }) : undefined,
    );
    expect(await getOrgMembership("acme", "mona", github.client)).toEqual({ role: "admin", state: "active", userId: 1001 });
    expect(await getOrgMembership("acme", "stranger", github.client)).toBeNull();
    await expect(getOrgMembership("initech", "mona", github.client)).rejects.toMatchObject({ code: "not_installed" });
  });

  describe("a write sent as an owner (ACT_AS=owner)", () => {
    const owner = (tokens: string[], renew: (rejected: string) => Promise<string> = async () => tokens.shift()!): UserTokenSource & { renewed: ReturnType<typeof vi.fn> } => {
      let current = tokens.shift()!;
      return {
        login: "mona",
        token: async () => current,
        renewed: vi.fn(async (rejected: string) => {
          current = await renew(rejected);
          return current;
        }),
      };
    };
    const posts = (github: ReturnType<typeof fakeGitHub>) => github.orgCalls().filter((call) => call.method === "POST");

    it("carries the owner's user token, never the installation token, and stays paced like any write", async () => {
      const github = fakeGitHub((call) => (call.method === "POST" ? json(204, {}) : undefined));
      const asUser = owner(["ghu_mona_1"]);
      const started = Date.now();
      await reviewRequests("acme", [7], "deny", undefined, { client: github.client, asUser });
      await revokeTokens("acme", [8], { client: github.client, asUser });
      expect(posts(github).map((call) => call.headers.get("authorization"))).toEqual(["token ghu_mona_1", "token ghu_mona_1"]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      expect(github.appCalls().map((call) => call.path)).toEqual(["/orgs/acme/installation"]);
    });

    it("sends once more with a renewed token after a 401 (GitHub did not take the call)", async () => {
      const github = fakeGitHub((call) => {
        if (call.method !== "POST") return undefined;
        return call.headers.get("authorization") === "token ghu_new" ? json(202, {}) : json(401, { message: "Bad credentials" });
      });
      const asUser = owner(["ghu_expired", "ghu_new"]);
      expect(await reviewRequests("acme", [1, 2], "approve", undefined, { client: github.client, asUser })).toMatchObject({ accepted: 2, failed: 0 });
      expect(asUser.renewed).toHaveBeenCalledWith("ghu_expired");
      expect(posts(github).map((call) => call.headers.get("authorization"))).toEqual(["token ghu_expired", "token ghu_new"]);
    });

    it.each([
      ["the renewed token is refused too", async () => "ghu_also_refused"],
      ["the refresh is refused", async () => Promise.reject(new ApiError("reauth_required", "Sign in again so Grantdesk can act as you."))],
    ])("asks the owner to sign in again when %s, with nothing sent under the app's token", async (_, renew) => {
      const github = fakeGitHub((call) => (call.method === "POST" ? json(401, { message: "Bad credentials" }) : undefined));
      await expect(revokeTokens("acme", [3, 4], { client: github.client, asUser: owner(["ghu_expired"], renew) })).rejects.toMatchObject({ code: "reauth_required" });
      expect(posts(github).every((call) => call.headers.get("authorization")?.startsWith("token ghu_"))).toBe(true);
      expect(github.calls.some((call) => call.path.endsWith("/access_tokens"))).toBe(false);
    });
  });
});
