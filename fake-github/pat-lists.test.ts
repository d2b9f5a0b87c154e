// Behaviour of the two list endpoints and the repositories endpoints: every filter, ordering,
// pagination with Link headers that keep the filters, and the 422 limits.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld } from "./generate-world";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { api, control, installationToken, parseLink } from "./test-support";
import { ORGS, USERS, type PatGrant } from "./world";

interface Row {
  id: number;
  owner: { login: string };
  created_at?: string;
  access_granted_at?: string;
  token_id: number;
  token_last_used_at: string | null;
  repository_selection: string;
  permissions: Record<"organization" | "repository" | "other", Record<string, string>>;
}

const SEED = 1;
const REQUESTS = 300;
const TOKENS = 1200;

let fake: FakeGitHub;
let token: string;

beforeAll(async () => {
  fake = await startFakeGitHub({ seed: SEED, requests: REQUESTS, tokens: TOKENS });
  token = await installationToken(fake, ORGS.acme.installationId);
});
afterAll(() => fake.close());

async function list(path: string): Promise<{ rows: Row[]; link: Record<string, string>; response: Response }> {
  const response = await api(fake, token, path);
  expect(response.status).toBe(200);
  return { rows: (await response.json()) as Row[], link: parseLink(response.headers.get("link")), response };
}

/** Follows `next` links from `path` and returns every row. */
async function walk(path: string): Promise<Row[]> {
  const rows: Row[] = [];
  let next: string | undefined = path;
  while (next) {
    const page = await list(next.replace(fake.url, ""));
    rows.push(...page.rows);
    next = page.link.next;
  }
  return rows;
}

const time = (row: Row) => Date.parse(row.created_at ?? row.access_granted_at!);

describe("ordering and pagination", () => {
  it("pages through every token, newest first, without overlap, following Link", async () => {
    const rows = await walk("/orgs/acme/personal-access-tokens?per_page=100");
    expect(rows).toHaveLength(TOKENS);
    expect(new Set(rows.map((row) => row.id)).size).toBe(TOKENS);
    for (let i = 1; i < rows.length; i++) {
      expect(time(rows[i]!)).toBeLessThanOrEqual(time(rows[i - 1]!));
      expect(rows[i]!.id).toBeLessThan(rows[i - 1]!.id);
    }
  });

  it("sorts oldest first with direction=asc, the mirror of desc", async () => {
    const asc = await list("/orgs/acme/personal-access-token-requests?direction=asc&sort=created_at&per_page=100");
    const descLast = await list("/orgs/acme/personal-access-token-requests?per_page=100&page=3");
    expect(asc.rows.map((row) => row.id)).toEqual(descLast.rows.map((row) => row.id).reverse());
    expect(time(asc.rows[0]!)).toBeLessThanOrEqual(time(asc.rows[99]!));
  });

  it("defaults to 30 per page and gives next/last on the first page, prev/first on the last", async () => {
    const first = await list("/orgs/acme/personal-access-token-requests");
    expect(first.rows).toHaveLength(30);
    expect(Object.keys(first.link).sort()).toEqual(["last", "next"]);
    expect(first.link.last).toBe(`${fake.url}/orgs/acme/personal-access-token-requests?page=10`);
    const last = await list(first.link.last!.replace(fake.url, ""));
    expect(last.rows).toHaveLength(REQUESTS - 9 * 30);
    expect(Object.keys(last.link).sort()).toEqual(["first", "prev"]);
    expect(last.link.prev).toBe(`${fake.url}/orgs/acme/personal-access-token-requests?page=9`);
    const middle = await list("/orgs/acme/personal-access-token-requests?page=4");
    expect(Object.keys(middle.link).sort()).toEqual(["first", "last", "next", "prev"]);
  });

  it("clamps per_page above 100 to 100 and falls back to 30 for nonsense", async () => {
    expect((await list("/orgs/acme/personal-access-tokens?per_page=500")).rows).toHaveLength(100);
    expect((await list("/orgs/acme/personal-access-tokens?per_page=0")).rows).toHaveLength(30);
    expect((await list("/orgs/acme/personal-access-tokens?per_page=abc&page=xyz")).rows).toHaveLength(30);
  });

  it("answers an empty page past the end, with links back", async () => {
    const past = await list("/orgs/acme/personal-access-token-requests?per_page=100&page=9");
    expect(past.rows).toEqual([]);
    expect(past.link.prev).toMatch(/page=3$/);
    expect(past.link.first).toMatch(/page=1$/);
  });

  it("keeps every filter in the Link URLs, arrays as owner[]=, on fake-github's own origin", async () => {
    const page = await list(
      "/orgs/acme/personal-access-tokens?owner=mona,hubot&permission=metadata_read&direction=asc&per_page=2&last_used_after=2000-01-01T00:00:00Z",
    );
    const expected = "owner[]=mona&owner[]=hubot&permission=metadata_read&direction=asc&per_page=2&last_used_after=2000-01-01T00%3A00%3A00Z";
    expect(page.link.next).toBe(`${fake.url}/orgs/acme/personal-access-tokens?${expected}&page=2`);
    const next = await list(page.link.next!.replace(fake.url, ""));
    expect(next.rows.length).toBeGreaterThan(0);
    for (const row of next.rows) expect(["mona", "hubot"]).toContain(row.owner.login);
    expect(next.rows.map((row) => row.id)).not.toContain(page.rows[0]!.id);
    expect(next.link.prev).toBe(`${fake.url}/orgs/acme/personal-access-tokens?${expected}&page=1`);
  });
});

describe("filters", () => {
  it("filters by owner in all three spellings, case-insensitively, and matches nothing for unknown logins", async () => {
    const brackets = await walk("/orgs/acme/personal-access-tokens?owner[]=mona&owner[]=hubot&per_page=100");
    const repeated = await walk("/orgs/acme/personal-access-tokens?owner=mona&owner=HUBOT&per_page=100");
    const joined = await walk("/orgs/acme/personal-access-tokens?owner=mona%2Chubot&per_page=100");
    expect(brackets.length).toBeGreaterThanOrEqual(8);
    expect(new Set(brackets.map((row) => row.owner.login))).toEqual(new Set(["mona", "hubot"]));
    expect(repeated.map((row) => row.id)).toEqual(brackets.map((row) => row.id));
    expect(joined.map((row) => row.id)).toEqual(brackets.map((row) => row.id));
    expect((await list("/orgs/acme/personal-access-tokens?owner=nobody-here")).rows).toEqual([]);
    const requests = await walk(`/orgs/acme/personal-access-token-requests?owner=${USERS.mona.login}`);
    expect(requests.length).toBeGreaterThanOrEqual(3);
    for (const row of requests) expect(row.owner.login).toBe("mona");
  });

  it("filters by exact permission level across the permission maps", async () => {
    const rows = await walk("/orgs/acme/personal-access-tokens?permission=issues_write&per_page=100");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.permissions.repository.issues).toBe("write");
    const org = await walk("/orgs/acme/personal-access-token-requests?permission=members_read&per_page=100");
    expect(org.length).toBeGreaterThan(0);
    for (const row of org) expect(row.permissions.organization.members).toBe("read");
    const everyone = await walk("/orgs/acme/personal-access-tokens?per_page=100");
    const expected = everyone.filter((row) => row.permissions.repository.issues === "write").map((row) => row.id);
    expect(rows.map((row) => row.id)).toEqual(expected);
  });

  it("filters by last use, strictly, leaving out never-used tokens", async () => {
    const cutoff = new Date(Date.now() - 90 * 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
    const stale = await walk(`/orgs/acme/personal-access-tokens?last_used_before=${cutoff}&per_page=100`);
    const recent = await walk(`/orgs/acme/personal-access-tokens?last_used_after=${cutoff}&per_page=100`);
    expect(stale.length).toBeGreaterThan(0);
    for (const row of stale) expect(Date.parse(row.token_last_used_at!)).toBeLessThan(Date.parse(cutoff));
    for (const row of recent) expect(Date.parse(row.token_last_used_at!)).toBeGreaterThan(Date.parse(cutoff));
    const { activeTokens } = await control<{ activeTokens: number }>(fake, "state/orgs/acme");
    const neverUsed = (await walk("/orgs/acme/personal-access-tokens?per_page=100")).filter((row) => row.token_last_used_at === null);
    expect(neverUsed.length).toBeGreaterThan(0);
    expect(stale.length + recent.length + neverUsed.length).toBe(activeTokens);
    expect((await list("/orgs/acme/personal-access-tokens?last_used_before=2026-01-01")).rows.length).toBeGreaterThan(0);
  });

  it("filters by token id (token_id[], repeated or comma-joined)", async () => {
    const { rows } = await list("/orgs/acme/personal-access-tokens?per_page=5&direction=asc");
    const ids = rows.slice(0, 3).map((row) => row.token_id);
    const bracket = await list(`/orgs/acme/personal-access-tokens?${ids.map((id) => `token_id[]=${id}`).join("&")}`);
    expect(bracket.rows.map((row) => row.token_id).sort()).toEqual([...ids].sort());
    const joined = await list(`/orgs/acme/personal-access-tokens?token_id=${ids.join(",")}`);
    expect(joined.rows.map((row) => row.id)).toEqual(bracket.rows.map((row) => row.id));
    expect((await list("/orgs/acme/personal-access-token-requests?token_id=1")).rows).toEqual([]);
  });

  it("filters by repository: subset tokens that include it and all-repository tokens", async () => {
    const world = buildWorld({ seed: SEED, requests: REQUESTS, tokens: TOKENS, now: Date.now() });
    const acme = world.orgByLogin.get("acme")!;
    const sample = acme.grants.all().find((grant) => grant.repositorySelection === "subset")!;
    const repository = acme.repositoryById.get(sample.repositoryIds[0]!)!;
    const rows = await walk(`/orgs/acme/personal-access-tokens?repository=${repository.name}&per_page=100`);
    expect(rows.map((row) => row.id)).toContain(sample.id);
    const expected = acme.grants
      .all()
      .filter((grant: PatGrant) => grant.repositorySelection === "all" || grant.repositoryIds.includes(repository.id))
      .map((grant) => grant.id)
      .reverse();
    expect(rows.map((row) => row.id)).toEqual(expected);
    expect((await list("/orgs/acme/personal-access-tokens?repository=no-such-repo")).rows).toEqual([]);

    // With a narrower filter beside it, the repository is checked record by record.
    const owners = new Set<number>([USERS.mona.id, USERS.hubot.id]);
    const theirs = acme.grants.all().filter((grant) => owners.has(grant.ownerId));
    const reached = acme.repositoryById.get(theirs.find((grant) => grant.repositorySelection === "subset")!.repositoryIds[0]!)!;
    const combined = await list(`/orgs/acme/personal-access-tokens?owner[]=mona&owner[]=hubot&repository=${reached.name}`);
    const expectedTheirs = theirs.filter((grant) => grant.repositorySelection === "all" || grant.repositoryIds.includes(reached.id));
    expect(combined.rows.map((row) => row.id)).toEqual(expectedTheirs.map((grant) => grant.id).reverse());
    expect(expectedTheirs.length).toBeLessThan(theirs.length);
  });

  it("combines filters", async () => {
    const rows = await walk("/orgs/acme/personal-access-tokens?owner[]=mona&owner[]=hubot&permission=metadata_read&per_page=100");
    const everyone = await walk("/orgs/acme/personal-access-tokens?owner[]=mona&owner[]=hubot&per_page=100");
    expect(rows.map((row) => row.id)).toEqual(everyone.filter((row) => row.permissions.repository.metadata === "read").map((row) => row.id));
  });
});

describe("422 limits", () => {
  const errorsOf = async (path: string) => {
    const response = await api(fake, token, path);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { message: string; errors: { field: string; code: string }[] };
    expect(body.message).toBe("Validation Failed");
    return body.errors;
  };

  it("refuses more than 10 owners, however spelled", async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `user${i}`);
    expect(await errorsOf(`/orgs/acme/personal-access-tokens?owner=${eleven.join(",")}`)).toEqual([expect.objectContaining({ field: "owner", code: "invalid" })]);
    expect(await errorsOf(`/orgs/acme/personal-access-token-requests?${eleven.map((login) => `owner[]=${login}`).join("&")}`)).toHaveLength(1);
    const ten = await api(fake, token, `/orgs/acme/personal-access-tokens?owner=${eleven.slice(1).join(",")}`);
    expect(ten.status).toBe(200);
  });

  it("refuses more than 50 token ids and ids that are not integers", async () => {
    const ids = Array.from({ length: 51 }, (_, i) => i + 1);
    expect(await errorsOf(`/orgs/acme/personal-access-tokens?token_id=${ids.join(",")}`)).toEqual([expect.objectContaining({ field: "token_id" })]);
    expect(await errorsOf("/orgs/acme/personal-access-tokens?token_id[]=abc")).toEqual([expect.objectContaining({ field: "token_id" })]);
    expect((await api(fake, token, `/orgs/acme/personal-access-tokens?token_id=${ids.slice(1).join(",")}`)).status).toBe(200);
  });

  it("refuses unparsable dates, unknown permissions, sorts and directions, all at once", async () => {
    const errors = await errorsOf("/orgs/acme/personal-access-tokens?last_used_before=yesterday&last_used_after=2026-13-45T99:00:00Z&permission=issues_delete&sort=updated_at&direction=sideways");
    expect(errors.map((error) => error.field).sort()).toEqual(["direction", "last_used_after", "last_used_before", "permission", "sort"]);
    expect(await errorsOf("/orgs/acme/personal-access-token-requests?permission=workflows_read")).toHaveLength(1);
  });
});

describe("repositories of a request or token", () => {
  it("pages through more than 100 repositories in name order without overlap", async () => {
    const world = buildWorld({ seed: SEED, requests: REQUESTS, tokens: TOKENS, now: Date.now() });
    const big = world.orgByLogin.get("acme")!.grants.all().find((grant) => grant.repositoryIds.length > 100)!;
    const first = await list(`/orgs/acme/personal-access-tokens/${big.id}/repositories?per_page=100`);
    expect(first.rows).toHaveLength(100);
    expect(first.link.last).toBe(`${fake.url}/orgs/acme/personal-access-tokens/${big.id}/repositories?per_page=100&page=2`);
    const second = await list(first.link.next!.replace(fake.url, ""));
    const names = [...first.rows, ...second.rows].map((row) => (row as unknown as { name: string }).name);
    expect(names).toHaveLength(big.repositoryIds.length);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort());
  });

  it("follows repositories_url (the /organizations/{id}/… form) and lists nothing for all-repository tokens", async () => {
    const rows = await walk("/orgs/acme/personal-access-token-requests?per_page=100");
    const subset = rows.find((row) => row.repository_selection === "subset") as Row & { repositories_url: string };
    expect(subset.repositories_url).toBe(`${fake.url}/organizations/${ORGS.acme.id}/personal-access-token-requests/${subset.id}/repositories`);
    const viaUrl = await list(subset.repositories_url.replace(fake.url, ""));
    expect(viaUrl.rows.length).toBeGreaterThan(0);
    const all = rows.find((row) => row.repository_selection === "all")!;
    expect((await list(`/orgs/acme/personal-access-token-requests/${all.id}/repositories`)).rows).toEqual([]);
  });
});
