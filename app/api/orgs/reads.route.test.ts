// The read routes against a running fake-github: results match its state, filters reach it in
// GitHub's form, and bad input is refused before anything goes upstream.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page, PatRequestRow, PatTokenRow, RepositoryRow } from "@/lib/contract/pat-rows";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { installationToken } from "@/fake-github/test-support";
import { ORGS } from "@/fake-github/world";
import { GET as listRequestRepositories } from "./[org]/requests/[id]/repositories/route";
import { GET as listRequests } from "./[org]/requests/route";
import { GET as listTokenRepositories } from "./[org]/tokens/[id]/repositories/route";
import { GET as listTokens } from "./[org]/tokens/route";
import { GET as listOrgs } from "./route";

let github: FakeGitHubEnv;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 7 });
});

afterAll(async () => {
  await github?.close();
});

describe("GET /api/orgs", () => {
  it("lists the orgs the app is installed on", async () => {
    const { status, body } = await github.call(listOrgs, "/api/orgs", {});
    expect(status).toBe(200);
    expect(body.map((org: { login: string }) => org.login)).toEqual(["acme", "globex"]);
    expect(body[0]).toEqual({ login: "acme", id: expect.any(Number), avatarUrl: expect.stringMatching(/^http/) });
  });
});

describe.each([
  ["requests", listRequests, "personal-access-token-requests", "pendingRequests"],
  ["tokens", listTokens, "personal-access-tokens", "activeTokens"],
] as const)("GET /api/orgs/{org}/%s", (kind, route, segment, count) => {
  type Row = PatRequestRow | PatTokenRow;

  it("pages through everything fake-github holds, without overlap, in order", async () => {
    const total = (await github.counts("globex"))[count];
    const first = await github.call(route, `/api/orgs/globex/${kind}?per_page=7&direction=asc`, { org: "globex" });
    expect(first.status).toBe(200);
    const lastPage = Math.ceil(total / 7);
    expect(first.body).toMatchObject({ page: 1, perPage: 7, hasNextPage: lastPage > 1, lastPage });
    const seen: number[] = (first.body as Page<Row>).items.map((row: Row) => row.id);
    for (let page = 2; page <= lastPage; page++) {
      const next = await github.call(route, `/api/orgs/globex/${kind}?per_page=7&direction=asc&page=${page}`, { org: "globex" });
      expect(next.body).toMatchObject({ page, hasNextPage: page < lastPage });
      seen.push(...(next.body as Page<Row>).items.map((row: Row) => row.id));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const times = (first.body as Page<Row>).items.map((row) => ("createdAt" in row ? row.createdAt : row.accessGrantedAt));
    expect(times).toEqual([...times].sort());
  });

  it("passes owner (as owner[]) and permission filters to GitHub and answers only matching rows", async () => {
    const sample = (await github.call(route, `/api/orgs/acme/${kind}?per_page=100`, { org: "acme" })).body as Page<Row>;
    const owners = [...new Set(sample.items.map((row) => row.owner.login))].slice(0, 2);
    const [name, level] = Object.entries(sample.items[0]!.permissions.repository)[0] ?? Object.entries(sample.items[0]!.permissions.organization)[0]!;
    const permission = `${name}_${level}`;
    const mark = await github.mark();
    const query = `owner=${owners[0]}&owner=${owners[1]}&permission=${permission}&per_page=100`;
    const { status, body } = await github.call(route, `/api/orgs/acme/${kind}?${query}`, { org: "acme" });
    expect(status).toBe(200);
    const upstream = (await github.log(mark)).filter((entry) => entry.path === `/orgs/acme/${segment}`);
    expect(upstream.map((entry) => entry.query)).toEqual([`per_page=100&page=1&owner[]=${owners[0]}&owner[]=${owners[1]}&permission=${permission}`]);
    const rows = (body).items;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(owners).toContain(row.owner.login);
      expect({ ...row.permissions.organization, ...row.permissions.repository, ...row.permissions.other }[name]).toBe(level);
    }
  });
});

describe.each([
  ["requests", listRequests, listRequestRepositories],
  ["tokens", listTokens, listTokenRepositories],
] as const)("GET /api/orgs/{org}/%s/{id}/repositories", (kind, list, repositories) => {
  it("answers the repositories fake-github holds for a subset selection, page by page", async () => {
    const rows = ((await github.call(list, `/api/orgs/acme/${kind}?per_page=100`, { org: "acme" })).body as Page<PatRequestRow | PatTokenRow>).items;
    const subset = rows.find((row) => row.repositorySelection === "subset")!;
    const record = (await github.record("acme", kind, subset.id)) as { repositoryIds: number[] };
    const path = `/api/orgs/acme/${kind}/${subset.id}/repositories`;
    const first = await github.call(repositories, `${path}?per_page=2`, { org: "acme", id: String(subset.id) });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, perPage: 2, lastPage: Math.ceil(record.repositoryIds.length / 2) });
    expect((first.body.items as RepositoryRow[]).map((repository) => repository.id)).toEqual(record.repositoryIds.slice(0, 2));
    expect(first.body.items[0]).toEqual({
      id: expect.any(Number),
      name: expect.any(String),
      fullName: expect.stringMatching(/^acme\//),
      private: expect.any(Boolean),
      htmlUrl: expect.any(String),
    });
  });

  it("answers 404 for an id that does not exist", async () => {
    const { status, body } = await github.call(repositories, `/api/orgs/acme/${kind}/999999999/repositories`, { org: "acme", id: "999999999" });
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });
});

it("re-reads a page with its ETag: GitHub's 304 gives the same rows, a change gives the new ones", async () => {
  const path = "/api/orgs/globex/tokens?per_page=3&direction=asc";
  const first = await github.call(listTokens, path, { org: "globex" });
  const mark = await github.mark();
  const again = await github.call(listTokens, path, { org: "globex" });
  expect(again.body).toEqual(first.body);
  expect((await github.log(mark)).map((entry) => [entry.path, entry.status])).toEqual([["/orgs/globex/personal-access-tokens", 304]]);

  const [revoked] = (first.body).items;
  const installation = await installationToken(github.fake, ORGS.globex.installationId);
  const revoke = await fetch(`${github.fake.url}/orgs/globex/personal-access-tokens/${revoked!.id}`, {
    method: "POST",
    headers: { authorization: `token ${installation}`, "content-type": "application/json" },
    body: JSON.stringify({ action: "revoke" }),
  });
  expect(revoke.status).toBe(204);
  const changed = await github.call(listTokens, path, { org: "globex" });
  expect((await github.log(mark)).at(-1)).toMatchObject({ path: "/orgs/globex/personal-access-tokens", status: 200 });
  expect((changed.body as Page<PatTokenRow>).items.map((row) => row.id)).not.toContain(revoked!.id);
});

it("answers 404 with a clear message for an org without the app", async () => {
  const { status, body } = await github.call(listTokens, "/api/orgs/initech/tokens", { org: "initech" });
  expect(status).toBe(404);
  expect(body).toEqual({ error: { code: "not_installed", message: expect.stringContaining("Grantdesk is not installed on initech") } });
});

describe("bad input", () => {
  it.each([
    ["per_page", "/api/orgs/acme/requests?per_page=0", listRequests, { org: "acme" }],
    ["per_page", "/api/orgs/acme/requests?per_page=101", listRequests, { org: "acme" }],
    ["owner", `/api/orgs/acme/tokens?${"owner=a&".repeat(11)}`, listTokens, { org: "acme" }],
    ["permission", "/api/orgs/acme/tokens?permission=admin", listTokens, { org: "acme" }],
    ["last_used_before", "/api/orgs/acme/tokens?last_used_before=yesterday", listTokens, { org: "acme" }],
    ["direction", "/api/orgs/acme/tokens?direction=sideways", listTokens, { org: "acme" }],
    ["repository", "/api/orgs/acme/tokens?repository=a/b", listTokens, { org: "acme" }],
    ["org", "/api/orgs/ac..me/tokens", listTokens, { org: "ac..me" }],
    ["id", "/api/orgs/acme/tokens/0/repositories", listTokenRepositories, { org: "acme", id: "0" }],
    ["page", "/api/orgs/acme/requests/1/repositories?page=-1", listRequestRepositories, { org: "acme", id: "1" }],
  ])("%s: 400 for %s, and nothing reaches GitHub", async (field, path, route, params) => {
    const mark = await github.mark();
    const { status, body } = await github.call(route, path, params);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message.startsWith(`${field}:`) || body.error.message.includes(`"${field}"`)).toBe(true);
    expect(await github.log(mark)).toEqual([]);
  });
});
