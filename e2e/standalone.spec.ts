// The deployable server as the image runs it — `node server.js` from Next's standalone output,
// NEXT_MANUAL_SIG_HANDLE set, on PostgreSQL — answering health and readiness, then stopped with
// SIGTERM while a revoke's first chunk is held at GitHub: that chunk finishes and is recorded, new
// work is refused, the process exits 0 — and, started again, it finishes the job, no id sent twice.
import { expect, test } from "@playwright/test";
import type { JobSummary } from "@/lib/contract/jobs";
import type { Page as ListPage, PatTokenRow } from "@/lib/contract/pat-rows";
import { extraAppUrl } from "./e2e-env";
import { startExtraStack, type ExtraStack } from "./extra-stack";
import { signInAs } from "./sign-in";
import { createPostgresDatabase as createDatabase, TEST_DATABASE_URL, withClient } from "@/test-support/postgres-database";

const APP_URL = extraAppUrl("standalone");
const GITHUB_BULK_REVOKE = "/orgs/acme/personal-access-tokens";

// The standalone server is checked as it is deployed behind several instances, on PostgreSQL:
// `bash .ci/run` starts a throwaway server and sets TEST_DATABASE_URL, so CI runs this.
test.skip(!TEST_DATABASE_URL, "needs PostgreSQL: TEST_DATABASE_URL is not set (bash .ci/run sets it; or see scripts/ci-postgres.sh)");
test.use({ baseURL: APP_URL, storageState: { cookies: [], origins: [] } });

let stack: ExtraStack | undefined;
let database: { url: string; drop(): Promise<void> } | undefined;

test.afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

test("the standalone server is ready on PostgreSQL; on SIGTERM mid-revoke it records the chunk in flight and exits, and the job finishes after a restart", async ({ page }) => {
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

  // The revoke is a job: the answer is the job, which outlives this process.
  const answer = await revoking;
  expect(answer.status()).toBe(200);
  const job = (await answer.json()) as JobSummary;
  expect(job).toMatchObject({ org: "acme", action: "revoke", total: 150 });
  expect(await stack.appExited).toBe(0);
  expect(stack.log()).toContain("[shutdown] writes in flight finished and recorded");
  // The chunk in flight finished and was recorded; the second was not sent.
  expect((await stack.control.requestsSince(mark)).filter((entry) => entry.method === "POST" && entry.path === GITHUB_BULK_REVOKE)).toHaveLength(1);
  const countOutcomes = () =>
    withClient(database!.url, (client) =>
      client.query<{ outcome: string | null; count: number }>(
        `select o.outcome, count(*)::int as count
           from audit_batches b join audit_targets t on t.batch_id = b.id left join audit_outcomes o on o.batch_id = t.batch_id and o.target_id = t.target_id
          where b.id = $1 group by 1 order by 1`,
        [job.id],
      ),
    );
  expect((await countOutcomes()).rows).toEqual([{ outcome: "accepted", count: 100 }]);

  // Started again, the server takes the job up where it stopped: the other 50, each sent once.
  await stack.relaunch();
  await expect
    .poll(async () => ((await (await page.request.get(`/api/orgs/acme/jobs/${job.id}`)).json()) as JobSummary).status, { timeout: 60_000 })
    .toBe("done");
  expect(await (await page.request.get(`/api/orgs/acme/jobs/${job.id}`)).json()).toMatchObject({ accepted: 150, skipped: 0, failed: 0 });
  const sent = (await stack.control.requestsSince(mark))
    .filter((entry) => entry.method === "POST" && entry.path === GITHUB_BULK_REVOKE)
    .flatMap((entry) => (entry.body as { pat_ids: number[] }).pat_ids);
  expect(sent.sort()).toEqual([...revoked].sort());
  expect((await countOutcomes()).rows).toEqual([{ outcome: "accepted", count: 150 }]);
});
