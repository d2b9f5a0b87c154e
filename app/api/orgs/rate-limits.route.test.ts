// Per-user limits through the routes, with small limits: the call one too many gets 429 in
// Grantdesk's error shape with `retryAfter` and a Retry-After header, before any other work;
// another user is not held up; a user's bulk jobs per org are capped.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopJobWorker } from "@/lib/jobs/job-worker";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { POST as startJob } from "./[org]/jobs/route";
import { GET as listTokens } from "./[org]/tokens/route";

const READS = 6;
let github: FakeGitHubEnv;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 13 }, { RATE_LIMIT_READS_PER_MINUTE: String(READS), RATE_LIMIT_WRITES_PER_MINUTE: "3", MAX_ACTIVE_JOBS_PER_USER: "1" });
  await github.sync("acme", ["tokens"]);
});

afterAll(async () => {
  await github?.faults([]);
  await stopJobWorker();
  await github?.close();
});

describe("the per-user read limit", () => {
  it("answers the call one too many with 429, retryAfter and Retry-After, asking GitHub nothing", async () => {
    for (let call = 0; call < READS; call++) expect((await github.call(listTokens, "/api/orgs/acme/tokens", { org: "acme" })).status).toBe(200);
    const mark = await github.mark();
    const refused = await github.call(listTokens, "/api/orgs/initech/tokens", { org: "initech" });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: { code: "too_many_requests", message: expect.stringContaining(`Grantdesk allows each person ${READS} a minute`), retryAfter: expect.any(Number) },
    });
    expect(refused.body.error.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.body.error.retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("retry-after")).toBe(String(refused.body.error.retryAfter));
    expect(await github.log(mark)).toEqual([]);

    // Another person is not held up by mona's calls.
    expect((await github.call(listTokens, "/api/orgs/globex/tokens", { org: "globex" }, undefined, "octocat")).status).toBe(200);
  });
});

describe("the cap on active bulk jobs", () => {
  it("refuses a second job on the org while the first runs, with 429 naming the cap", async () => {
    // The first job's write is held up by GitHub for a while, so it is still running.
    await github.faults([{ method: "POST", path: "^/orgs/acme/personal-access-tokens", kind: "latency", latencyMs: 3_000 }]);
    // mona has spent her reads: the ids come from fake-github's own records.
    const { records } = (await github.control("state/orgs/acme/tokens?status=active")) as { records: { id: number }[] };
    const [one, two] = records.map((record) => record.id);
    const first = await github.call(startJob, "/api/orgs/acme/jobs", { org: "acme" }, { action: "revoke", ids: [one] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: expect.stringMatching(/^(queued|running)$/) });

    const second = await github.call(startJob, "/api/orgs/acme/jobs", { org: "acme" }, { action: "revoke", ids: [two] });
    expect(second.status).toBe(429);
    expect(second.body).toEqual({ error: { code: "too_many_jobs", message: expect.stringContaining("the most one person may have at once (1)") } });

    // Writes have a limit of their own: 3 a minute.
    const third = await github.call(startJob, "/api/orgs/acme/jobs", { org: "acme" }, { action: "revoke", ids: [two] });
    expect(third.body.error.code).toBe("too_many_jobs");
    const fourth = await github.call(startJob, "/api/orgs/acme/jobs", { org: "acme" }, { action: "revoke", ids: [two] });
    expect(fourth).toMatchObject({ status: 429, body: { error: { code: "too_many_requests", message: expect.stringContaining("Too many changes") } } });
  });
});
