// The deployable server as the image runs it — `node server.js` from Next's standalone output,
// NEXT_MANUAL_SIG_HANDLE set, on PostgreSQL — answering health and readiness, then stopped with
// SIGTERM while a revoke's first chunk is held at GitHub: that chunk finishes and is recorded,
// the rest is recorded as not sent, new work is refused, and the process exits 0.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { Client } from "pg";
import type { BulkResult } from "@/lib/contract/bulk-result";
import type { Page as ListPage, PatTokenRow } from "@/lib/contract/pat-rows";
import { extraAppUrl } from "./e2e-env";
import { startExtraStack, type ExtraStack } from "./extra-stack";
import { signInAs } from "./sign-in";

const APP_URL = extraAppUrl("standalone");
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const GITHUB_BULK_REVOKE = "/orgs/acme/personal-access-tokens";

test.skip(!TEST_DATABASE_URL, "needs PostgreSQL: TEST_DATABASE_URL is not set (bash .ci/run sets it; or see scripts/ci-postgres.sh)");
test.use({ baseURL: APP_URL, storageState: { cookies: [], origins: [] } });

let stack: ExtraStack | undefined;
let database: { url: string; drop(): Promise<void> } | undefined;

test.afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `grantdesk_e2e_${randomBytes(6).toString("hex")}`;
  await withClient(TEST_DATABASE_URL!, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withClient(TEST_DATABASE_URL!, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

test("the standalone server is ready on PostgreSQL and, on SIGTERM mid-revoke, records the chunk in flight before it exits", async ({ page }) => {
  database = await createDatabase();
  stack = await startExtraStack("standalone", { server: "standalone", fake: { tokens: 240 }, env: { DATABASE_URL: database.url } });

  expect(await (await page.request.get("/api/health")).json()).toEqual({ status: "ok" });
  const ready = await page.request.get("/api/ready");
  expect({ status: ready.status(), body: await ready.json() }).toEqual({ status: 200, body: { status: "ready", checks: { database: "ok", github: "ok" } } });
  const migrations = await withClient(database.url, (client) => client.query("select count(*)::int as count from drizzle.__drizzle_migrations"));
  expect(migrations.rows[0].count).toBeGreaterThan(0);

  await signInAs(page, "mona", "/orgs/acme/tokens");
  const ids: number[] = [];
  for (const pageNumber of [1, 2]) {
    const list = (await (await page.request.get(`/api/orgs/acme/tokens?per_page=100&page=${pageNumber}`)).json()) as ListPage<PatTokenRow>;
    ids.push(...list.items.map((row) => row.id));
  }
  const revoked = ids.slice(0, 150);

  // GitHub holds the first chunk of 100 for 4 s; SIGTERM arrives while it is in flight.
  await stack.control.setFaults([{ method: "POST", path: `^${GITHUB_BULK_REVOKE}$`, latencyMs: 4_000, times: 1 }]);
  const mark = await stack.control.mark();
  const post = { headers: { origin: APP_URL }, data: { ids: revoked, note: "Stopped mid-way" } };
  const revoking = page.request.post("/api/orgs/acme/tokens/revoke", post);
  await expect.poll(async () => (await stack!.control.requestsSince(mark)).some((entry) => entry.path === GITHUB_BULK_REVOKE && entry.status === null)).toBe(true);
  process.kill(stack.appPid, "SIGTERM");

  // Stopping: no longer ready, and no new work taken.
  await expect.poll(async () => (await page.request.get("/api/ready")).status()).toBe(503);
  expect(await (await page.request.get("/api/ready")).json()).toMatchObject({ status: "shutting_down" });
  const refused = await page.request.post("/api/orgs/acme/tokens/revoke", { ...post, data: { ids: [ids[199]] } });
  expect({ status: refused.status(), body: await refused.json() }).toMatchObject({ status: 503, body: { error: { code: "shutting_down" } } });

  // The chunk in flight finished; the second was never sent; every id's outcome came back.
  const answer = await revoking;
  expect(answer.status()).toBe(200);
  const result = (await answer.json()) as BulkResult;
  expect(result).toMatchObject({ accepted: 100, failed: 50 });
  expect(result.results.slice(100).every((outcome) => outcome.code === "shutting_down" && outcome.error?.startsWith("Not sent: "))).toBe(true);
  expect(await stack.appExited).toBe(0);
  expect((await stack.control.requestsSince(mark)).filter((entry) => entry.method === "POST" && entry.path === GITHUB_BULK_REVOKE)).toHaveLength(1);
  expect(stack.log()).toContain("[shutdown] writes in flight finished and recorded");

  // …and the audit trail, read straight from PostgreSQL after the exit, holds all 150 outcomes.
  const outcomes = await withClient(database.url, (client) =>
    client.query<{ outcome: string; code: string | null; count: number }>(
      `select o.outcome, o.code, count(*)::int as count
         from audit_batches b join audit_targets t on t.batch_id = b.id left join audit_outcomes o on o.batch_id = t.batch_id and o.target_id = t.target_id
        where b.reason = 'Stopped mid-way' group by 1, 2 order by 1`,
    ),
  );
  expect(outcomes.rows).toEqual([
    { outcome: "accepted", code: null, count: 100 },
    { outcome: "failed", code: "shutting_down", count: 50 },
  ]);
});
