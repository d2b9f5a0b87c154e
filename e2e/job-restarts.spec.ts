// A bulk job survives the dashboard being killed outright (SIGKILL, as the OOM killer or a pulled
// plug would): started again on the same embedded database, it takes the job up where it stopped.
// The chunk that was in flight at the kill is settled from GitHub's lists — ids GitHub applied are
// recorded as inferred and never sent again — and every id ends with exactly one outcome.
import { expect, test } from "@playwright/test";
import type { AuditRecord } from "@/lib/contract/audit-record";
import type { JobDraft, JobSummary } from "@/lib/contract/jobs";
import type { Page } from "@/lib/contract/pat-rows";
import { extraAppUrl } from "./e2e-env";
import { startExtraStack, type ExtraStack } from "./extra-stack";
import { signInAs } from "./sign-in";

const APP_URL = extraAppUrl("restarts");
const GITHUB_BULK_REVOKE = "/orgs/acme/personal-access-tokens";

test.describe.configure({ timeout: 240_000 });
test.use({ baseURL: APP_URL, storageState: { cookies: [], origins: [] } });

let stack: ExtraStack | undefined;

test.afterAll(async () => {
  await stack?.stop();
});

test("a job killed with SIGKILL mid-chunk finishes after a restart, no id sent twice, every id with one outcome", async ({ page }) => {
  stack = await startExtraStack("restarts", { fake: { tokens: 400, applyDelayMs: 100 } });
  const control = stack.control;
  await signInAs(page, "mona", "/orgs/acme/tokens");
  await expect(page.getByRole("table", { name: "Active tokens" })).toBeVisible();
  const active = (await control.records("acme", "tokens", "active")).map((record) => record.id);

  // Every active token of acme, frozen as a draft and confirmed (typing the org's name: above 100).
  const post = (path: string, data: unknown) => page.request.post(path, { headers: { origin: APP_URL }, data });
  const draft = (await (await post("/api/orgs/acme/jobs/drafts", { action: "revoke", filters: "" })).json()) as JobDraft;
  expect(draft).toMatchObject({ total: active.length, typedConfirmation: true });
  // GitHub holds the second chunk for 8 s: the dashboard is killed while it is in flight.
  await control.setFaults([{ method: "POST", path: `^${GITHUB_BULK_REVOKE}$`, skip: 1, times: 1, latencyMs: 8_000 }]);
  const mark = await control.mark();
  const confirmed = await post(`/api/orgs/acme/jobs/drafts/${draft.id}/confirm`, { reason: "Killed mid-way", confirm: "acme" });
  expect(confirmed.status()).toBe(200);
  const job = (await confirmed.json()) as JobSummary;

  const bulkPosts = async () => (await control.requestsSince(mark)).filter((entry) => entry.method === "POST" && entry.path === GITHUB_BULK_REVOKE);
  await expect.poll(async () => (await bulkPosts()).length === 2 && (await bulkPosts())[1]!.status === null, { timeout: 30_000 }).toBe(true);
  process.kill(-stack.appPid, "SIGKILL");
  await stack.appExited;

  // The held chunk still reaches GitHub, which applies it; nobody is left to read the answer.
  const inFlight = ((await bulkPosts())[1]!.body as { pat_ids: number[] }).pat_ids;
  await expect
    .poll(async () => {
      const still = new Set((await control.records("acme", "tokens", "active")).map((record) => record.id));
      return inFlight.filter((id) => still.has(id)).length;
    }, { timeout: 30_000 })
    .toBe(0);

  await stack.relaunch();
  // The killed instance's lease (30 s) lapses, then the job resumes.
  await expect
    .poll(async () => ((await (await page.request.get(`/api/orgs/acme/jobs/${job.id}`)).json()) as JobSummary).status, { timeout: 120_000, intervals: [2_000] })
    .toBe("done");
  const done = (await (await page.request.get(`/api/orgs/acme/jobs/${job.id}`)).json()) as JobSummary;
  expect(done).toMatchObject({ total: active.length, accepted: active.length, skipped: 0, failed: 0 });

  // GitHub received every id exactly once: the in-flight chunk was not sent again.
  const sent = (await bulkPosts()).flatMap((entry) => (entry.body as { pat_ids: number[] }).pat_ids);
  expect(sent.length).toBe(active.length);
  expect([...sent].sort()).toEqual([...active].sort());
  expect(await control.records("acme", "tokens", "active")).toEqual([]);

  // The trail: one outcome per id, the in-flight chunk's inferred from GitHub's list.
  const records: AuditRecord[] = [];
  for (let number = 1; ; number++) {
    const body = (await (await page.request.get(`/api/orgs/acme/audit?batch=${job.id}&per_page=100&page=${number}`)).json()) as Page<AuditRecord>;
    records.push(...body.items);
    if (!body.hasNextPage) break;
  }
  expect(records).toHaveLength(active.length);
  expect(new Set(records.map((record) => record.targetId)).size).toBe(active.length);
  const inferred = records.filter((record) => record.outcome === "inferred").map((record) => record.targetId);
  expect(inferred.sort()).toEqual([...inFlight].sort());
  expect(records.filter((record) => record.outcome === "accepted")).toHaveLength(active.length - inFlight.length);
});
