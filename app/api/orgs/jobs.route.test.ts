// The job routes against a running fake-github: a page's selection and "all that match" drafts,
// confirmed (typed org name above 100), followed, cancelled; bad input refused with a clear 400
// and nothing queued; one owner's draft and another org's job out of reach.

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobDraft, JobSummary } from "@/lib/contract/jobs";
import type { Page } from "@/lib/contract/pat-rows";
import { db } from "@/lib/db/database";
import { bulkJobs } from "@/lib/db/schema";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { GET as getJob } from "./[org]/jobs/[id]/route";
import { POST as cancel } from "./[org]/jobs/[id]/cancel/route";
import { POST as confirm } from "./[org]/jobs/drafts/[id]/confirm/route";
import { POST as draft } from "./[org]/jobs/drafts/route";
import { GET as listJobs, POST as startJob } from "./[org]/jobs/route";
import { GET as listTokens } from "./[org]/tokens/route";

let github: FakeGitHubEnv;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 13, applyDelayMs: 20 });
  await github.sync("acme");
});

afterAll(async () => {
  await github?.close();
});

const jobCount = async () => (await db()).$count(bulkJobs);

async function tokenIds(count: number): Promise<number[]> {
  const { body } = await github.call(listTokens, `/api/orgs/acme/tokens?per_page=${count}`, { org: "acme" });
  return (body as Page<{ id: number }>).items.map((row) => row.id);
}

async function finished(id: string): Promise<JobSummary> {
  for (let tries = 0; tries < 300; tries++) {
    const { body } = await github.call(getJob, `/api/orgs/acme/jobs/${id}`, { org: "acme", id });
    const job = body as JobSummary;
    if (job.status !== "queued" && job.status !== "running") return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

describe("bad input: a clear 400, nothing queued", () => {
  it.each([
    ["an empty selection", { action: "revoke", ids: [] }, "ids: must name at least one id"],
    ["more ids than one call takes", { action: "revoke", ids: Array.from({ length: 1001 }, (_, index) => index + 1) }, "ids: may name at most 1000 ids per call"],
    ["a reason over 1024 characters", { action: "deny", ids: [1], reason: "x".repeat(1025) }, "reason: must be at most 1024 characters"],
    ["an unknown action", { action: "delete", ids: [1] }, 'action: must be "approve", "deny" or "revoke"'],
  ])("POST …/jobs refuses %s", async (_, body, message) => {
    const before = await jobCount();
    const { status, body: answer } = await github.call(startJob, "/api/orgs/acme/jobs", { org: "acme" }, body);
    expect(status).toBe(400);
    expect(answer).toEqual({ error: { code: "bad_request", message } });
    expect(await jobCount()).toBe(before);
  });

  it("refuses a draft whose filters match nothing, or are not the list's filters", async () => {
    const before = await jobCount();
    const nothing = await github.call(draft, "/api/orgs/acme/jobs/drafts", { org: "acme" }, { action: "revoke", filters: "q=no-such-token-anywhere" });
    expect(nothing).toMatchObject({ status: 400, body: { error: { code: "bad_request", message: expect.stringMatching(/^filters: nothing matches them/) } } });
    const unknown = await github.call(draft, "/api/orgs/acme/jobs/drafts", { org: "acme" }, { action: "revoke", filters: "colour=red" });
    expect(unknown.status).toBe(400);
    expect(await jobCount()).toBe(before);
  });

  it("refuses a draft of more than 100,000 ids", async () => {
    const database = await db();
    // 100,001 tokens of acme in the inventory, all named alike, for the filter to match.
    await database.execute(sql`
      insert into pat_inventory (org, kind, id, token_id, token_name, owner_login, owner_id, owner_avatar_url, permissions, repository_selection, max_level, listed_at, token_expired)
      select 'acme', 'tokens', 900000000 + n, 800000000 + n, 'synthetic-bulk', 'mona', 1001, '', '{"organization":{},"repository":{},"other":{}}'::jsonb, 'none', 0, now(), false
        from generate_series(1, 100001) as n`);
    try {
      const before = await jobCount();
      const { status, body } = await github.call(draft, "/api/orgs/acme/jobs/drafts", { org: "acme" }, { action: "revoke", filters: "q=synthetic-bulk" });
      expect(status).toBe(400);
      expect(body).toEqual({ error: { code: "bad_request", message: "filters: more than 100,000 tokens match; narrow the filters (one job holds at most 100,000)." } });
      expect(await jobCount()).toBe(before);
    } finally {
      await database.execute(sql`delete from pat_inventory where org = 'acme' and token_name = 'synthetic-bulk'`);
    }
  }, 60_000);

  it("refuses a confirmation with a reason over 1024 characters, keeping the draft", async () => {
    const { body: frozen } = await github.call(draft, "/api/orgs/acme/jobs/drafts", { org: "acme" }, { action: "revoke", filters: "signal=no-expiry" });
    const id = (frozen as JobDraft).id;
    const { status, body } = await github.call(confirm, `/api/orgs/acme/jobs/drafts/${id}/confirm`, { org: "acme", id }, { reason: "x".repeat(1025), confirm: "acme" });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "bad_request", message: "reason: must be at most 1024 characters" } });
    const [row] = await (await db()).execute<{ status: string }>(sql`select status from bulk_jobs where id = ${id}`).then((result) => (result as unknown as { rows: { status: string }[] }).rows);
    expect(row?.status).toBe("draft");
  });
});

describe("drafts", () => {
  it("freezes what matches, says how many and whose, and above 100 needs the org's name typed", async () => {
    const { status, body } = await github.call(draft, "/api/orgs/acme/jobs/drafts", { org: "acme" }, { action: "revoke", filters: "" });
    expect(status).toBe(200);
    const frozen = body as JobDraft;
    const { body: list } = await github.call(listTokens, "/api/orgs/acme/tokens?per_page=1", { org: "acme" });
    expect(frozen).toMatchObject({ org: "acme", kind: "tokens", action: "revoke", total: (list as { total: number }).total, typedConfirmation: true, description: "all active tokens" });
    expect(frozen.owners).toBeGreaterThan(1);

    // Another owner cannot confirm it; a wrong name is refused; nothing is queued by either.
    const asOctocat = await github.call(confirm, `/api/orgs/acme/jobs/drafts/${frozen.id}/confirm`, { org: "acme", id: frozen.id }, { confirm: "acme" }, "octocat");
    expect(asOctocat.status).toBe(403);
    const wrongName = await github.call(confirm, `/api/orgs/acme/jobs/drafts/${frozen.id}/confirm`, { org: "acme", id: frozen.id }, { confirm: "acm" });
    expect(wrongName).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/^confirm: type the organization's name \(acme\)/) } } });
  });
});

describe("a job from a page's selection", () => {
  it("runs, is listed in the org's history, and a finished job cannot be cancelled", async () => {
    const ids = await tokenIds(3);
    const mark = await github.mark();
    const { status, body } = await github.call(startJob, "/api/orgs/acme/jobs", { org: "acme" }, { action: "revoke", ids, reason: "rotation" });
    expect(status).toBe(200);
    const job = body as JobSummary;
    expect(job).toMatchObject({ org: "acme", action: "revoke", total: 3, reason: "rotation", actor: { login: "mona", id: 1001 } });
    expect(await finished(job.id)).toMatchObject({ status: "done", accepted: 3, skipped: 0, failed: 0, done: 3 });
    const writes = (await github.log(mark)).filter((entry) => entry.method === "POST" && entry.path === "/orgs/acme/personal-access-tokens");
    expect(writes.map((entry) => (entry.body as { pat_ids: number[] }).pat_ids)).toEqual([ids]);

    const { body: history } = await github.call(listJobs, "/api/orgs/acme/jobs?per_page=5", { org: "acme" });
    expect((history as Page<JobSummary>).items[0]).toMatchObject({ id: job.id, status: "done" });
    const cancelled = await github.call(cancel, `/api/orgs/acme/jobs/${job.id}/cancel`, { org: "acme", id: job.id }, {});
    expect(cancelled).toMatchObject({ status: 409, body: { error: { code: "conflict", message: `Job ${job.id} has already finished.` } } });
  });

  it("keeps one org's jobs out of another's reach", async () => {
    const { body } = await github.call(startJob, "/api/orgs/acme/jobs", { org: "acme" }, { action: "revoke", ids: await tokenIds(1) });
    const job = body as JobSummary;
    await finished(job.id);
    const elsewhere = await github.call(getJob, `/api/orgs/globex/jobs/${job.id}`, { org: "globex", id: job.id });
    expect(elsewhere.status).toBe(404);
    const malformed = await github.call(getJob, "/api/orgs/acme/jobs/not-a-job", { org: "acme", id: "not-a-job" });
    expect(malformed.status).toBe(400);
  });
});
