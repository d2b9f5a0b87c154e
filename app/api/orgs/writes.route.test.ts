// The review and revoke routes against a running fake-github: what GitHub receives (exact ids,
// chunks, once each), what it holds afterwards, and every id's outcome when a chunk fails.

import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { BulkResult } from "@/lib/contract/bulk-result";
import type { Page } from "@/lib/contract/pat-rows";
import { db } from "@/lib/db/database";
import { bulkJobs } from "@/lib/db/jobs-schema";
import { auditBatches } from "@/lib/db/schema";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { POST as review } from "./[org]/requests/review/route";
import { GET as listRequests } from "./[org]/requests/route";
import { POST as revoke } from "./[org]/tokens/revoke/route";
import { GET as listTokens } from "./[org]/tokens/route";

let github: FakeGitHubEnv;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 11, applyDelayMs: 50 });
  await github.sync("acme");
});

afterEach(async () => {
  await github.faults([]);
});

afterAll(async () => {
  await github?.close();
});

async function firstIds(kind: "requests" | "tokens", count: number, offset = 0): Promise<number[]> {
  const route = kind === "requests" ? listRequests : listTokens;
  const ids: number[] = [];
  for (let page = 1; ids.length < offset + count; page++) {
    const { body } = await github.call(route, `/api/orgs/acme/${kind}?per_page=100&page=${page}`, { org: "acme" });
    ids.push(...(body as Page<{ id: number }>).items.map((row) => row.id));
    if (!body.hasNextPage) break;
  }
  return ids.slice(offset, offset + count);
}

const bulkPosts = async (since: number, path: string) =>
  (await github.log(since)).filter((entry) => entry.method === "POST" && entry.path === path);

describe("POST /api/orgs/{org}/requests/review", () => {
  it("denies one request through the single endpoint, with the reason", async () => {
    const [id] = await firstIds("requests", 1);
    const mark = await github.mark();
    const { status, body } = await github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, { ids: [id], action: "deny", reason: "Use the deploy app" });
    expect(status).toBe(200);
    expect(body).toEqual({ results: [{ id, ok: true }], accepted: 1, skipped: 0, failed: 0 });
    const posts = (await github.log(mark)).filter((entry) => entry.method === "POST");
    expect(posts).toEqual([expect.objectContaining({ path: `/orgs/acme/personal-access-token-requests/${id}`, body: { action: "deny", reason: "Use the deploy app" }, status: 204 })]);
    expect(await github.record("acme", "requests", id!)).toMatchObject({ status: "denied", reviewReason: "Use the deploy app" });
  });

  it("re-checks with GitHub before sending: a request reviewed meanwhile is skipped, not sent, and the other goes", async () => {
    const [denied, other] = await firstIds("requests", 2);
    await github.control(`orgs/acme/requests/${denied}/review`, { action: "deny" });
    const mark = await github.mark();
    const { body } = await github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, { ids: [denied, other], action: "approve" });
    expect(body).toMatchObject({ accepted: 1, skipped: 1, failed: 0 });
    expect((body as BulkResult).results[0]).toMatchObject({ id: denied, ok: false, code: "skipped", error: expect.stringContaining("no longer pending") });
    const posts = (await github.log(mark)).filter((entry) => entry.method === "POST");
    expect(posts.map((entry) => entry.path)).toEqual([`/orgs/acme/personal-access-token-requests/${other}`]);
    expect(await github.record("acme", "requests", other!)).toMatchObject({ status: "approved" });
  });

  it("approves 250 requests in bulk calls of 100, 100 and 50, each id sent once, and fake-github applies them", async () => {
    const before = await github.counts("acme");
    const ids = await firstIds("requests", 250);
    const mark = await github.mark();
    const { status, body } = await github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, { ids: [...ids, ids[0], ids[1]], action: "approve" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ accepted: 250, skipped: 0, failed: 0 });
    expect((body as BulkResult).results.map((outcome) => outcome.id)).toEqual(ids);
    const posts = await bulkPosts(mark, "/orgs/acme/personal-access-token-requests");
    expect(posts.map((entry) => entry.status)).toEqual([202, 202, 202]);
    const sent = posts.map((entry) => (entry.body as { pat_request_ids: number[] }).pat_request_ids);
    expect(sent.map((chunk) => chunk.length)).toEqual([100, 100, 50]);
    expect(sent.flat()).toEqual(ids);
    await expect
      .poll(() => github.counts("acme"))
      .toMatchObject({ pendingRequests: before.pendingRequests - 250, activeTokens: before.activeTokens + 250 });
  });

  it("refuses bad input with 400 and sends nothing upstream", async () => {
    const mark = await github.mark();
    for (const body of [{ ids: [], action: "approve" }, { ids: [1], action: "maybe" }, { ids: ["1"], action: "deny" }, { ids: [1], action: "deny", reason: "r".repeat(1025) }]) {
      const response = await github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("bad_request");
    }
    expect(await github.log(mark)).toEqual([]);
  });
});

describe("POST /api/orgs/{org}/tokens/revoke", () => {
  it("reports a failed chunk's ids with the upstream status, accepts the others, and resends nothing", async () => {
    const ids = await firstIds("tokens", 250);
    await github.faults([{ method: "POST", path: "^/orgs/acme/personal-access-tokens$", skip: 1, times: 1, kind: "error", status: 500 }]);
    const mark = await github.mark();
    const { status, body } = await github.call(revoke, "/api/orgs/acme/tokens/revoke", { org: "acme" }, { ids, note: "Offboarding" });
    expect(status).toBe(200);
    const result = body as BulkResult;
    expect(result).toMatchObject({ accepted: 150, failed: 100 });
    expect(result.results.filter((outcome) => !outcome.ok).map((outcome) => outcome.id)).toEqual(ids.slice(100, 200));
    expect(result.results[100]).toMatchObject({ status: 500, code: "not_applied" });
    const posts = await bulkPosts(mark, "/orgs/acme/personal-access-tokens");
    expect(posts.map((entry) => entry.status)).toEqual([202, 500, 202]);
    expect(posts.flatMap((entry) => (entry.body as { pat_ids: number[] }).pat_ids)).toEqual(ids);
    // 202: fake-github applies each accepted chunk shortly after answering.
    for (const id of [ids[0]!, ids[99]!, ids[200]!, ids[249]!]) {
      await expect.poll(async () => (await github.record("acme", "tokens", id)).status).toBe("revoked");
    }
    expect(await github.record("acme", "tokens", ids[100]!)).toMatchObject({ status: "active" });
  });

  it("does not resend a revoke answered 502, and says it was not applied", async () => {
    const [id] = await firstIds("tokens", 1);
    await github.faults([{ method: "POST", path: `^/orgs/acme/personal-access-tokens/${id}$`, times: 1, kind: "error", status: 502 }]);
    const mark = await github.mark();
    const { body } = await github.call(revoke, "/api/orgs/acme/tokens/revoke", { org: "acme" }, { ids: [id] });
    expect(body).toMatchObject({ accepted: 0, failed: 1, results: [{ id, ok: false, status: 502, code: "not_applied" }] });
    expect((await github.log(mark)).filter((entry) => entry.method === "POST").map((entry) => [entry.path, entry.status])).toEqual([
      [`/orgs/acme/personal-access-tokens/${id}`, 502],
    ]);
    expect(await github.record("acme", "tokens", id!)).toMatchObject({ status: "active" });
  });

  it("answers 403 for an org without the app, before sending any write", async () => {
    const mark = await github.mark();
    const { status, body } = await github.call(revoke, "/api/orgs/initech/tokens/revoke", { org: "initech" }, { ids: [1, 2] });
    expect(status).toBe(403);
    expect(body.error.code).toBe("forbidden");
    expect((await github.log(mark)).filter((entry) => entry.method === "POST")).toEqual([]);
  });

  it("accepts only JSON, and refuses bad ids with 400 before anything reaches GitHub", async () => {
    const mark = await github.mark();
    const form = await revoke(
      new NextRequest("http://grantdesk.test/api/orgs/acme/tokens/revoke", { method: "POST", body: "ids=1", headers: { ...(await github.browserHeaders()), "content-type": "text/plain" } }),
      { params: Promise.resolve({ org: "acme" }) },
    );
    expect(form.status).toBe(415);
    const tooMany = await github.call(revoke, "/api/orgs/acme/tokens/revoke", { org: "acme" }, { ids: Array.from({ length: 1001 }, (_, index) => index + 1) });
    expect(tooMany).toMatchObject({ status: 400, body: { error: { code: "bad_request", message: "ids: may name at most 1000 ids per call" } } });
    const negative = await github.call(revoke, "/api/orgs/acme/tokens/revoke", { org: "acme" }, { ids: [5, -5] });
    expect(negative).toMatchObject({ status: 400, body: { error: { message: "ids[1]: must be a positive whole number" } } });
    expect(await github.log(mark)).toEqual([]);
  });

  it("refuses a note or reason with NUL, a control character or a bidi override with 400 naming the field, storing and sending nothing", async () => {
    const [token] = await firstIds("tokens", 1);
    const [request] = await firstIds("requests", 1);
    const database = await db();
    const [jobs, batches] = [await database.$count(bulkJobs), await database.$count(auditBatches)];
    const mark = await github.mark();
    for (const text of ["Offboarding\u0000", "esc \u001b[2J", "\u202Eyltnerruc"]) {
      const revoked = await github.call(revoke, "/api/orgs/acme/tokens/revoke", { org: "acme" }, { ids: [token], note: text });
      expect(revoked).toMatchObject({ status: 400, body: { error: { code: "bad_request", message: expect.stringMatching(/^note: must not contain (control|bidirectional)/) } } });
      const reviewed = await github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, { ids: [request], action: "deny", reason: text });
      expect(reviewed).toMatchObject({ status: 400, body: { error: { code: "bad_request", message: expect.stringMatching(/^reason: must not contain (control|bidirectional)/) } } });
    }
    expect(await github.log(mark)).toEqual([]);
    expect([await database.$count(bulkJobs), await database.$count(auditBatches)]).toEqual([jobs, batches]);
  });
});
