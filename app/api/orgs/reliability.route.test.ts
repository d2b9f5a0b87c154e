// How the client behaves under GitHub's limits, against a running fake-github: installation
// tokens are reused, and rate-limit answers are waited out (or reported with when to retry).

import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import type { Page, PatTokenRow } from "@/lib/contract/pat-rows";
import { github as githubClient } from "@/lib/github/shared-client";
import { GET as listTokenRepositories } from "./[org]/tokens/[id]/repositories/route";
import { POST as revoke } from "./[org]/tokens/revoke/route";
import { GET as listTokens } from "./[org]/tokens/route";

let github: FakeGitHubEnv;

let subset: PatTokenRow;
let repository: string;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 5, applyDelayMs: 0 });
  await github.sync("acme", ["tokens"]);
  await github.sync("globex", ["tokens"]);
  const rows = ((await github.call(listTokens, "/api/orgs/acme/tokens?per_page=100", { org: "acme" })).body as Page<PatTokenRow>).items;
  subset = rows.find((row) => row.repositorySelection === "subset")!;
  const repositories = await github.call(listTokenRepositories, `/api/orgs/acme/tokens/${subset.id}/repositories?per_page=1`, { org: "acme", id: String(subset.id) });
  repository = repositories.body.items[0].name;
});

/** A read that goes to GitHub: the list filtered by a repository asks GitHub's own repository filter. */
const readThroughGitHub = () => github.call(listTokens, `/api/orgs/acme/tokens?repository=${repository}`, { org: "acme" });

afterEach(async () => {
  await github.faults([]);
});

afterAll(async () => {
  await github?.close();
});

/** The first page was refused with the rate limit, then read (the filter's pages may be 304s: read before). */
const expectRefusedThenRead = (statuses: number[]) => {
  expect(statuses[0]).toBe(403);
  expect(statuses.length).toBeGreaterThan(1);
  expect(statuses.slice(1).every((status) => status === 200 || status === 304)).toBe(true);
};

const statusesOf = async (since: number, method: string, path: string) =>
  (await github.log(since)).filter((entry) => entry.method === method && entry.path === path).map((entry) => entry.status);

it("mints exactly one installation token for 200 API calls in a row", async () => {
  const path = `/api/orgs/acme/tokens/${subset.id}/repositories`;
  const mark = await github.mark();
  for (let call = 0; call < 200; call++) {
    const { status } = await github.call(listTokenRepositories, `${path}?per_page=1&page=${call + 1}`, { org: "acme", id: String(subset.id) });
    expect(status).toBe(200);
  }
  const count = (log: { method: string; path: string }[], method: string, path: string) => log.filter((entry) => entry.method === method && entry.path === path).length;
  const everything = await github.log();
  expect(count(everything, "POST", "/app/installations/101/access_tokens")).toBe(1);
  expect(count(everything, "GET", "/orgs/acme/installation")).toBe(1);
  expect(count(await github.log(mark), "GET", `/orgs/acme/personal-access-tokens/${subset.id}/repositories`)).toBe(200);
});

it("waits out a secondary rate limit on a read, and the call succeeds", async () => {
  await github.faults([{ method: "GET", path: "^/orgs/acme/personal-access-tokens$", times: 1, kind: "secondary-rate-limit", retryAfter: 1 }]);
  const mark = await github.mark();
  const { status, body } = await readThroughGitHub();
  expect(status).toBe(200);
  expect((body as Page<PatTokenRow>).items.length).toBeGreaterThan(0);
  expectRefusedThenRead(await statusesOf(mark, "GET", "/orgs/acme/personal-access-tokens"));
});

it("waits out a secondary rate limit on a write, says it is waiting meanwhile, and the revoke lands once", async () => {
  const rows = ((await github.call(listTokens, "/api/orgs/globex/tokens?per_page=2", { org: "globex" })).body as Page<PatTokenRow>).items;
  const ids = rows.map((row) => row.id);
  await github.faults([{ method: "POST", path: "^/orgs/globex/personal-access-tokens$", times: 1, kind: "secondary-rate-limit", retryAfter: 2 }]);
  const mark = await github.mark();
  const pending = github.call(revoke, "/api/orgs/globex/tokens/revoke", { org: "globex" }, { ids });
  await expect.poll(() => githubClient().rateLimitedUntil("globex"), { timeout: 15_000 }).toBeInstanceOf(Date);
  const { body } = await pending;
  expect(body).toEqual({ results: ids.map((id) => ({ id, ok: true })), accepted: 2, skipped: 0, failed: 0 });
  expect(await statusesOf(mark, "POST", "/orgs/globex/personal-access-tokens")).toEqual([403, 202]);
  await expect.poll(async () => (await github.record("globex", "tokens", ids[1]!)).status).toBe("revoked");
});

it("waits out a short primary rate limit until its reset", async () => {
  await github.faults([{ method: "GET", path: "^/orgs/acme/personal-access-tokens$", times: 1, kind: "primary-rate-limit", retryAfter: 1 }]);
  const mark = await github.mark();
  expect((await readThroughGitHub()).status).toBe(200);
  expectRefusedThenRead(await statusesOf(mark, "GET", "/orgs/acme/personal-access-tokens"));
});

it("answers 429 with when to retry when GitHub asks for a longer wait than a request can hold", async () => {
  await github.faults([{ method: "GET", path: "^/orgs/acme/personal-access-tokens$", times: 1, kind: "secondary-rate-limit", retryAfter: 600 }]);
  const mark = await github.mark();
  const { status, headers, body } = await readThroughGitHub();
  expect(status).toBe(429);
  expect(headers.get("retry-after")).toBe("600");
  expect(body).toEqual({ error: { code: "rate_limited", message: expect.stringContaining("600 s"), retryAfter: 600 } });
  expect(await statusesOf(mark, "GET", "/orgs/acme/personal-access-tokens")).toEqual([403]);
});
