// The read routes against a running fake-github: results match its state, filters reach it in
// GitHub's form, and bad input is refused before anything goes upstream.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page, PatRequestRow, PatTokenRow, RepositoryRow } from "@/lib/contract/pat-rows";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { GET as listRequestRepositories } from "./[org]/requests/[id]/repositories/route";
import { GET as listRequests } from "./[org]/requests/route";
import { GET as listTokenRepositories } from "./[org]/tokens/[id]/repositories/route";
import { GET as listTokens } from "./[org]/tokens/route";
import { GET as listOrgs } from "./route";

let github: FakeGitHubEnv;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 7 });
  await github.sync("acme");
  await github.sync("globex");
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

  it("pages through everything fake-github holds, without overlap, in order, with the exact count", async () => {
    const total = (await github.counts("globex"))[count];
    const first = await github.call(route, `/api/orgs/globex/${kind}?per_page=7&direction=asc`, { org: "globex" });
    expect(first.status).toBe(200);
    const lastPage = Math.ceil(total / 7);
    expect(first.body).toMatchObject({ page: 1, perPage: 7, hasNextPage: lastPage > 1, lastPage, total });
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

  it("answers filters from the inventory, across the whole org, without asking GitHub", async () => {
    const sample = (await github.call(route, `/api/orgs/acme/${kind}?per_page=100`, { org: "acme" })).body as Page<Row>;
    const owners = [...new Set(sample.items.map((row) => row.owner.login))].slice(0, 2);
    const [name, level] = Object.entries(sample.items[0]!.permissions.repository)[0] ?? Object.entries(sample.items[0]!.permissions.organization)[0]!;
    const permission = `${name}_${level}`;
    const mark = await github.mark();
    const query = `owner=${owners[0]}&owner=${owners[1]}&permission=${permission}&per_page=100`;
    const { status, body } = await github.call(route, `/api/orgs/acme/${kind}?${query}`, { org: "acme" });
    expect(status).toBe(200);
    expect((await github.log(mark)).filter((entry) => entry.path === `/orgs/acme/${segment}`)).toEqual([]);
    const rows = (body as Page<Row>).items;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(owners).toContain(row.owner.login);
      expect({ ...row.permissions.organization, ...row.permissions.repository, ...row.permissions.other }[name]).toBe(level);
    }
  });

  it("asks GitHub's own repository filter which subset tokens reach a repository", async () => {
    const sample = (await github.call(route, `/api/orgs/acme/${kind}?per_page=100`, { org: "acme" })).body as Page<Row>;
    const subset = sample.items.find((row) => row.repositorySelection === "subset")!;
    const record = (await github.record("acme", kind, subset.id)) as { repositoryIds: number[] };
    const repository = (await github.call(kind === "requests" ? listRequestRepositories : listTokenRepositories, `/api/orgs/acme/${kind}/${subset.id}/repositories?per_page=1`, { org: "acme", id: String(subset.id) })).body.items[0].name as string;
    expect(record.repositoryIds.length).toBeGreaterThan(0);
    const mark = await github.mark();
    const { body } = await github.call(route, `/api/orgs/acme/${kind}?repository=${repository}&per_page=100`, { org: "acme" });
    const upstream = (await github.log(mark)).filter((entry) => entry.path === `/orgs/acme/${segment}`);
    expect(upstream[0]!.query).toContain(`repository=${repository}`);
    const rows = (body as Page<Row>).items;
    expect(rows.map((row) => row.id)).toContain(subset.id);
    expect(rows.every((row) => row.repositorySelection !== "none")).toBe(true);
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

it("a token revoked on GitHub leaves the list after the next sync, and is kept as history", async () => {
  const path = "/api/orgs/globex/tokens?per_page=3&direction=asc";
  const first = await github.call(listTokens, path, { org: "globex" });
  const [revoked] = (first.body as Page<PatTokenRow>).items;
  await github.control(`orgs/globex/tokens/${revoked!.id}/revoke`, {});
  expect(((await github.call(listTokens, path, { org: "globex" })).body as Page<PatTokenRow>).items[0]!.id).toBe(revoked!.id);
  await github.sync("globex", ["tokens"]);
  expect(((await github.call(listTokens, path, { org: "globex" })).body as Page<PatTokenRow>).items.map((row) => row.id)).not.toContain(revoked!.id);
  const history = (await github.call(listTokens, "/api/orgs/globex/tokens?state=gone", { org: "globex" })).body as Page<PatTokenRow>;
  expect(history.items.find((row) => row.id === revoked!.id)?.gone).toEqual({ at: expect.any(String), reason: "revoked_outside" });
});

it("answers an org without the app as it answers a non-owner, asking GitHub nothing", async () => {
  await github.call(listOrgs, "/api/orgs", {});
  const mark = await github.mark();
  const { status, body } = await github.call(listTokens, "/api/orgs/initech/tokens", { org: "initech" });
  expect(status).toBe(403);
  expect(body).toEqual({ error: { code: "forbidden", message: expect.stringContaining("You are not an owner of initech") } });
  expect(await github.log(mark)).toEqual([]);
});

describe("bad input", () => {
  it.each([
    ["per_page", "/api/orgs/acme/requests?per_page=0", listRequests, { org: "acme" }],
    ["per_page", "/api/orgs/acme/requests?per_page=101", listRequests, { org: "acme" }],
    ["owner", `/api/orgs/acme/tokens?${"owner=a&".repeat(11)}`, listTokens, { org: "acme" }],
    ["permission", "/api/orgs/acme/tokens?permission=admin", listTokens, { org: "acme" }],
    ["last_used_before", "/api/orgs/acme/tokens?last_used_before=yesterday", listTokens, { org: "acme" }],
    ["direction", "/api/orgs/acme/tokens?direction=sideways", listTokens, { org: "acme" }],
    ["sort", "/api/orgs/acme/tokens?sort=name", listTokens, { org: "acme" }],
    ["signal", "/api/orgs/acme/tokens?signal=stale", listTokens, { org: "acme" }],
    ["page", "/api/orgs/acme/tokens?page=100000000", listTokens, { org: "acme" }],
    ["__proto__", "/api/orgs/acme/tokens?__proto__=x", listTokens, { org: "acme" }],
    ["repository", "/api/orgs/acme/tokens?repository=a/b", listTokens, { org: "acme" }],
    ["org", "/api/orgs/ac..me/tokens", listTokens, { org: "ac..me" }],
    ["id", "/api/orgs/acme/tokens/0/repositories", listTokenRepositories, { org: "acme", id: "0" }],
    ["page", "/api/orgs/acme/requests/1/repositories?page=-1", listRequestRepositories, { org: "acme", id: "1" }],
  ])("%s: 400 for %s, and nothing reaches GitHub", async (field, path, route, params) => {
    const mark = await github.mark();
    const { status, body } = await github.call(route, path, params);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message.startsWith(`${field}:`) || body.error.message.startsWith(`${field}[0]:`) || body.error.message.includes(`"${field}"`)).toBe(true);
    expect(await github.log(mark)).toEqual([]);
  });
});
