// Two instances of one deployment — two dashboards on one PostgreSQL database and one GitHub —
// share the work without stepping on each other: the inventory is walked once (the other
// instance's sync costs only 304s), one org's jobs run one at a time in order with every write at
// least a second apart whichever instance sends it, and another org's job is not held up by them.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import type { JobSummary } from "@/lib/contract/jobs";
import { extraAppUrl } from "./e2e-env";
import { startExtraStack, type ExtraStack } from "./extra-stack";
import { signInAs } from "./sign-in";
import { createPostgresDatabase as createDatabase, TEST_DATABASE_URL } from "@/test-support/postgres-database";

const A = extraAppUrl("instanceA");
const B = extraAppUrl("instanceB");

// Two processes sharing one database need a PostgreSQL server (PGlite is one process by
// construction): `bash .ci/run` starts a throwaway one and sets TEST_DATABASE_URL, so CI runs this.
test.skip(!TEST_DATABASE_URL, "needs PostgreSQL: TEST_DATABASE_URL is not set (bash .ci/run sets it; or see scripts/ci-postgres.sh)");
test.describe.configure({ timeout: 240_000 });
test.use({ baseURL: A, storageState: { cookies: [], origins: [] } });

const stacks: ExtraStack[] = [];
let database: { url: string; drop(): Promise<void> } | undefined;

test.afterAll(async () => {
  for (const stack of stacks.reverse()) await stack.stop();
  await database?.drop();
});

async function startJob(page: Page, base: string, org: string, ids: number[]): Promise<JobSummary> {
  const response = await page.request.post(`${base}/api/orgs/${org}/jobs`, { headers: { origin: base }, data: { action: "revoke", ids, reason: `two instances (${base})` } });
  expect(response.status()).toBe(200);
  return (await response.json()) as JobSummary;
}

test("two dashboards on one PostgreSQL: one inventory walk, one org's writes in order and ≥ 1 s apart, another org not held up", async ({ page }) => {
  database = await createDatabase();
  const authSecret = randomBytes(32).toString("base64url");
  const env = { DATABASE_URL: database.url };
  const a = await startExtraStack("instanceA", { fake: { tokens: 600, applyDelayMs: 100 }, env, authSecret });
  stacks.push(a);
  const b = await startExtraStack("instanceB", { sharedFake: a.fake, env, authSecret });
  stacks.push(b);
  const control = a.control;

  // One session works on both: same secret, same database (the cookie is the host's, whatever the port).
  await signInAs(page, "mona", "/orgs/acme/tokens");
  await expect(page.getByRole("table", { name: "Active tokens" })).toBeVisible();
  await expect.poll(async () => (await page.request.get(`${B}/api/orgs/acme/tokens?per_page=30`)).status()).toBe(200);

  // Both instances run the scheduler; the sync lease lets one walk acme's tokens, the other's turn
  // finds every page unchanged (304, free of rate limit) — never a second full walk. A walk starts
  // with the newest page (direction=desc, page 1).
  const walks = (await control.requestsSince(0)).filter((entry) => {
    const query = new URLSearchParams(entry.query);
    return (
      entry.method === "GET" &&
      entry.path === "/orgs/acme/personal-access-tokens" &&
      !query.has("token_id[]") &&
      query.get("direction") === "desc" &&
      (query.get("page") ?? "1") === "1"
    );
  });
  expect(walks.filter((entry) => !entry.notModified && entry.status === 200)).toHaveLength(1);

  // Both serve the same answers from the one inventory: every active token GitHub holds, the same
  // page and count of a filter, whichever instance is asked.
  const active = (await control.records("acme", "tokens", "active")).length;
  const answer = async (base: string, query: string) => {
    const body = (await (await page.request.get(`${base}/api/orgs/acme/tokens?${query}`)).json()) as { total: number; items: { id: number }[] };
    return { total: body.total, ids: body.items.map((item) => item.id) };
  };
  for (const query of ["per_page=100", "signal=no-expiry&signal=elevated&per_page=100&sort=owner&direction=asc"]) {
    await expect.poll(async () => (await answer(A, "per_page=1")).total, { timeout: 30_000 }).toBe(active);
    const [fromA, fromB] = await Promise.all([answer(A, query), answer(B, query)]);
    expect(fromB).toEqual(fromA);
    expect(fromA.ids.length).toBeGreaterThan(0);
  }

  const acme = (await control.records("acme", "tokens", "active")).map((record) => record.id).sort((x, y) => x - y);
  const globex = (await control.records("globex", "tokens", "active")).map((record) => record.id).slice(0, 10);
  expect(acme.length).toBeGreaterThanOrEqual(400);
  // Each acme write is held 400 ms at GitHub, so a second writer would overlap if it could.
  await control.setFaults([{ method: "POST", path: "^/orgs/acme/personal-access-tokens$", latencyMs: 400 }]);
  const mark = await control.mark();
  const first = await startJob(page, A, "acme", acme.slice(0, 250));
  const second = await startJob(page, B, "acme", acme.slice(250, 400));
  const other = await startJob(page, B, "globex", globex);

  for (const job of [first, second, other]) {
    await expect
      .poll(async () => ((await (await page.request.get(`${A}/api/orgs/${job.org}/jobs/${job.id}`)).json()) as JobSummary).status, { timeout: 120_000, intervals: [1_000] })
      .toBe("done");
  }

  const writes = (await control.requestsSince(mark)).filter((entry) => entry.method === "POST" && /^\/orgs\/(acme|globex)\/personal-access-tokens$/.test(entry.path));
  const acmeWrites = writes.filter((entry) => entry.path.startsWith("/orgs/acme/"));
  const idsOf = (entry: (typeof writes)[number]) => (entry.body as { pat_ids: number[] }).pat_ids;
  // Chunks of 100: 3 for the first job, then 2 for the second — in that order, each id once.
  expect(acmeWrites.map((entry) => idsOf(entry).length)).toEqual([100, 100, 50, 100, 50]);
  expect(acmeWrites.flatMap(idsOf)).toEqual(acme.slice(0, 400));
  // At least a second between one acme write and the next, whichever instance sent it.
  const times = acmeWrites.map((entry) => Date.parse(entry.time));
  for (let index = 1; index < times.length; index++) expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(990);
  // globex's job went beside acme's, not after them.
  const globexWrite = writes.find((entry) => entry.path.startsWith("/orgs/globex/"));
  expect(globexWrite).toBeDefined();
  expect(Date.parse(globexWrite!.time)).toBeLessThan(times.at(-1)!);
  expect(idsOf(globexWrite!).sort()).toEqual([...globex].sort());
});
