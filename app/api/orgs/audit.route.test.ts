// The audit trail through the routes, against a running fake-github: every review and revoke is
// recorded with who, why and each id's outcome; the trail is listed, filtered and exported; and
// when the trail cannot be written, nothing reaches GitHub.

import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AuditRecord } from "@/lib/contract/audit-record";
import type { BulkResult } from "@/lib/contract/bulk-result";
import type { JobSummary } from "@/lib/contract/jobs";
import type { Page, PatRequestRow, PatTokenRow } from "@/lib/contract/pat-rows";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { parseCsv } from "@/test-support/parse-csv";
import { db } from "@/lib/db/database";
import { GET as exportAudit } from "./[org]/audit/export/route";
import { GET as listAudit } from "./[org]/audit/route";
import { GET as verifyTrail } from "./[org]/audit/verify/route";
import { POST as review } from "./[org]/requests/review/route";
import { GET as listRequests } from "./[org]/requests/route";
import { POST as revoke } from "./[org]/tokens/revoke/route";
import { GET as listTokens } from "./[org]/tokens/route";

let github: FakeGitHubEnv;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 23, requests: 600, applyDelayMs: 50 });
  await github.sync("acme");
});

afterEach(async () => {
  await github.faults([]);
});

afterAll(async () => {
  await github?.close();
});

async function firstRows<K extends "requests" | "tokens">(kind: K, count: number, offset = 0): Promise<(K extends "requests" ? PatRequestRow : PatTokenRow)[]> {
  const route = kind === "requests" ? listRequests : listTokens;
  const rows: (PatRequestRow | PatTokenRow)[] = [];
  for (let page = 1; rows.length < offset + count; page++) {
    const { body } = await github.call(route, `/api/orgs/acme/${kind}?per_page=100&page=${page}`, { org: "acme" });
    rows.push(...(body).items);
    if (!body.hasNextPage) break;
  }
  return rows.slice(offset, offset + count) as (K extends "requests" ? PatRequestRow : PatTokenRow)[];
}

/** Every record matching `query`, through the list route, 100 a page. */
async function trail(query: string): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for (let page = 1; ; page++) {
    const { status, body } = await github.call(listAudit, `/api/orgs/acme/audit?${query}&per_page=100&page=${page}`, { org: "acme" });
    expect(status).toBe(200);
    records.push(...(body as Page<AuditRecord>).items);
    if (!body.hasNextPage) return records;
  }
}

/** The batch of the latest action that sent `id`. */
async function batchOf(id: number): Promise<string> {
  const [latest] = await trail(`target=${id}`);
  return latest!.batchId;
}

async function download(query: string) {
  const response = await exportAudit(new NextRequest(`http://grantdesk.test/api/orgs/acme/audit/export?${query}`, { headers: await github.browserHeaders() }), {
    params: Promise.resolve({ org: "acme" }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const writes = async (since: number) => (await github.log(since)).filter((entry) => entry.method === "POST");

describe("a bulk deny of 250 requests with a fault on one chunk", () => {
  let rows: PatRequestRow[];
  let batch: string;
  let records: AuditRecord[];

  beforeAll(async () => {
    rows = await firstRows("requests", 250);
    await github.faults([{ method: "POST", path: "^/orgs/acme/personal-access-token-requests$", skip: 2, times: 1, kind: "error", status: 422 }]);
    const { status, body } = await github.call(
      review,
      "/api/orgs/acme/requests/review",
      { org: "acme" },
      { ids: rows.map((row) => row.id), action: "deny", reason: "Use the deploy app instead" },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ accepted: 200, skipped: 0, failed: 50 });
    batch = await batchOf(rows[0]!.id);
    records = await trail(`batch=${batch}`);
  });

  it("records 250 outcomes under one batch, attributed to the signed-in owner, with the reason", () => {
    expect(records).toHaveLength(250);
    expect(records.map((record) => record.targetId)).toEqual(rows.map((row) => row.id));
    for (const record of records) {
      expect(record).toMatchObject({ batchId: batch, org: "acme", actor: { login: "mona", id: 1001 }, action: "deny", reason: "Use the deploy app instead" });
    }
  });

  it("records 200 accepted and the faulted chunk's 50 as failed with GitHub's status and message", () => {
    expect(records.slice(0, 200).every((record) => record.outcome === "accepted" && record.status === null)).toBe(true);
    for (const record of records.slice(200)) {
      expect(record).toMatchObject({ outcome: "failed", status: 422, code: "validation_failed", outcomeAt: expect.any(String) });
      expect(record.message).toBeTruthy();
    }
  });

  it("records each token's name and owner as GitHub listed them before sending", () => {
    expect(records.map((record) => record.token)).toEqual(rows.map((row) => ({ id: row.tokenId, name: row.tokenName, ownerLogin: row.owner.login })));
  });

  it("finds the action by actor, action and outcome, and the failed ones by outcome", async () => {
    expect((await trail(`actor=mona&action=deny&batch=${batch}`)).length).toBe(250);
    expect((await trail(`batch=${batch}&outcome=failed`)).map((record) => record.targetId)).toEqual(rows.slice(200).map((row) => row.id));
    expect(await trail(`batch=${batch}&actor=octocat`)).toEqual([]);
  });

  it("exports exactly that batch's 250 rows as CSV, as an attachment", async () => {
    const { status, headers, text } = await download(`format=csv&batch=${batch}`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(headers.get("content-disposition")).toMatch(/^attachment; filename="grantdesk-audit-acme-\d{8}-\d{6}\.csv"$/);
    const exported = parseCsv(text);
    expect(exported).toHaveLength(250);
    expect(exported.map((row) => Number(row.target_id))).toEqual(rows.map((row) => row.id));
    expect(new Set(exported.map((row) => `${row.batch} ${row.actor} ${row.actor_id} ${row.action} ${row.reason}`))).toEqual(
      new Set([`${batch} mona 1001 deny Use the deploy app instead`]),
    );
    expect(exported.filter((row) => row.outcome === "accepted")).toHaveLength(200);
    expect(exported.filter((row) => row.outcome === "failed" && row.status === "422")).toHaveLength(50);
    expect(exported[0]).toMatchObject({ token_name: rows[0]!.tokenName, token_owner: rows[0]!.owner.login });
  });

  it("exports the same records as JSON lines", async () => {
    const { status, headers, text } = await download(`format=jsonl&batch=${batch}`);
    expect(status).toBe(200);
    expect(headers.get("content-disposition")).toMatch(/\.jsonl"$/);
    const lines = text.trimEnd().split("\n").map((line) => JSON.parse(line) as AuditRecord);
    expect(lines).toEqual(records);
  });
});

describe("a revoke", () => {
  it("records the note, and each token as GitHub listed it just before sending", async () => {
    const [first, second] = await firstRows("tokens", 2);
    const { body } = await github.call(revoke, "/api/orgs/acme/tokens/revoke", { org: "acme" }, { ids: [first!.id, second!.id], note: "Offboarding alice" });
    expect(body).toMatchObject({ accepted: 2, failed: 0 });
    const records = await trail(`batch=${await batchOf(first!.id)}`);
    expect(records.map(({ action, reason, targetId, token, outcome }) => ({ action, reason, targetId, token, outcome }))).toEqual(
      [first!, second!].map((row) => ({
        action: "revoke",
        reason: "Offboarding alice",
        targetId: row.id,
        token: { id: row.tokenId, name: row.tokenName, ownerLogin: row.owner.login },
        outcome: "accepted",
      })),
    );
  });

  it("records an id GitHub no longer listed as skipped, and sends nothing for it", async () => {
    const [revoked] = await firstRows("tokens", 1, 5);
    await github.control(`orgs/acme/tokens/${revoked!.id}/revoke`, {});
    const mark = await github.mark();
    const { body } = await github.call(revoke, "/api/orgs/acme/tokens/revoke", { org: "acme" }, { ids: [revoked!.id] });
    expect(body).toMatchObject({ accepted: 0, skipped: 1, failed: 0 });
    expect(await writes(mark)).toEqual([]);
    const [record] = await trail(`target=${revoked!.id}`);
    expect(record).toMatchObject({ outcome: "skipped", code: "skipped", token: null });
  });

  it("looks each chunk's tokens up on GitHub in reads of 50 token ids just before sending it", async () => {
    const rows = await firstRows("tokens", 120, 10);
    const mark = await github.mark();
    await github.call(revoke, "/api/orgs/acme/tokens/revoke", { org: "acme" }, { ids: rows.map((row) => row.id) });
    const log = await github.log(mark);
    const lookups = log.filter((entry) => entry.method === "GET" && entry.path === "/orgs/acme/personal-access-tokens");
    expect(lookups.map((entry) => (entry.query.match(/token_id%5B%5D=|token_id\[\]=/g) ?? []).length)).toEqual([50, 50, 20]);
    expect(log.filter((entry) => entry.method === "POST").map((entry) => (entry.body as { pat_ids: number[] }).pat_ids.length)).toEqual([100, 20]);
    // Chunk by chunk: the first chunk's two lookups, its write, the second chunk's lookup, its write.
    const order = log.filter((entry) => entry.path.startsWith("/orgs/acme/personal-access-tokens")).map((entry) => entry.method);
    expect(order).toEqual(["GET", "GET", "POST", "GET", "POST"]);
  });
});

describe("an outcome GitHub leaves unclear", () => {
  it("is recorded as inferred, not accepted, when the re-read no longer lists the id", async () => {
    const [row] = await firstRows("requests", 1, 310);
    // GitHub applies the approve but its answer is a 502: unclear. The re-read no longer lists the
    // request, so the approve counts as done, but only by inference.
    await github.faults([{ method: "POST", path: `^/orgs/acme/personal-access-token-requests/${row!.id}$`, times: 1, kind: "error-after", status: 502 }]);
    const { body } = await github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, { ids: [row!.id], action: "approve" });
    expect(body).toEqual({ results: [{ id: row!.id, ok: true, inferred: true }], accepted: 1, skipped: 0, failed: 0 });
    const records = await trail(`target=${row!.id}`);
    expect(records.map(({ action, outcome }) => ({ action, outcome }))).toEqual([{ action: "approve", outcome: "inferred" }]);
    expect((await trail(`target=${row!.id}&outcome=inferred`)).map((record) => record.action)).toEqual(["approve"]);
    expect(await trail(`target=${row!.id}&outcome=accepted`)).toEqual([]);
  });

  it("is recorded as unknown when the re-read cannot settle it", async () => {
    const [row] = await firstRows("requests", 1, 300);
    await github.faults([
      { method: "POST", path: `^/orgs/acme/personal-access-token-requests/${row!.id}$`, times: 1, kind: "error", status: 502 },
      // The re-check before sending reads once; the re-read after the unclear answer then fails.
      { method: "GET", path: "^/orgs/acme/personal-access-token-requests$", skip: 1, times: 10, kind: "error", status: 500 },
    ]);
    const { body } = await github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, { ids: [row!.id], action: "approve" });
    expect((body as BulkResult).results).toEqual([expect.objectContaining({ ok: false, code: "outcome_unknown" })]);
    const [record] = await trail(`target=${row!.id}`);
    expect(record).toMatchObject({ action: "approve", outcome: "unknown", status: 502, code: "outcome_unknown", token: { id: row!.tokenId, name: row!.tokenName, ownerLogin: row!.owner.login } });
  });
});

describe("GET /api/orgs/{org}/audit/verify", () => {
  it("says the trail is intact, and names the record once a row is edited around Grantdesk", async () => {
    const [row] = await firstRows("requests", 1, 330);
    await github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, { ids: [row!.id], action: "deny", reason: "Too broad" });
    const intact = await github.call(verifyTrail, "/api/orgs/acme/audit/verify", { org: "acme" });
    expect(intact).toMatchObject({ status: 200, body: { org: "acme", ok: true, firstBreak: null, head: expect.stringMatching(/^[0-9a-f]{64}$/) } });

    // Someone with the database's superuser password turns the triggers off and rewrites the reason.
    const database = await db();
    await database.execute(sql`alter table audit_batches disable trigger user`);
    await database.execute(sql.raw(`update audit_batches set reason = 'Routine cleanup' where id = (select batch_id from audit_targets where target_id = ${row!.id})`));
    await database.execute(sql`alter table audit_batches enable trigger user`);

    const { body } = await github.call(verifyTrail, "/api/orgs/acme/audit/verify", { org: "acme" });
    expect(body).toMatchObject({
      ok: false,
      firstBreak: { kind: "intent", targetId: null, problem: "the action's own record (who, what, why, when) was changed after it was recorded" },
    });
    const [record] = await trail(`target=${row!.id}`);
    expect((body as { firstBreak: { batchId: string } }).firstBreak.batchId).toBe(record!.batchId);
    // Other orgs' chains are their own.
    expect((await github.call(verifyTrail, "/api/orgs/globex/audit/verify", { org: "globex" })).body).toMatchObject({ ok: true });
  });
});

describe("when the trail cannot be written", () => {
  const refuseInserts = async (table: "audit_batches" | "audit_outcomes") => {
    const database = await db();
    await database.execute(sql`create or replace function test_refuse_insert() returns trigger language plpgsql as $$ begin raise exception 'could not extend file: No space left on device'; end $$`);
    await database.execute(sql.raw(`create trigger test_refuse_insert before insert on ${table} for each statement execute function test_refuse_insert()`));
    return async () => {
      await database.execute(sql.raw(`drop trigger test_refuse_insert on ${table}`));
    };
  };

  it("refuses the action with 503 audit_unavailable, and sends nothing to GitHub", async () => {
    const rows = await firstRows("requests", 3, 320);
    const allow = await refuseInserts("audit_batches");
    const mark = await github.mark();
    try {
      const { status, body } = await github.call(
        review,
        "/api/orgs/acme/requests/review",
        { org: "acme" },
        { ids: rows.map((row) => row.id), action: "deny", reason: "x" },
      );
      expect(status).toBe(503);
      expect(body.error.code).toBe("audit_unavailable");
      expect(body.error.message).toContain("nothing was sent to GitHub");
      expect(body.error.message).not.toContain("No space left");
    } finally {
      await allow();
    }
    expect(await writes(mark)).toEqual([]);
    for (const row of rows) expect(await github.record("acme", "requests", row.id)).toMatchObject({ status: "pending" });
    expect(await trail(`target=${rows[0]!.id}`)).toEqual([]);
  });

  it("keeps a sent chunk in flight while its outcomes cannot be recorded, then settles it from GitHub without resending", async () => {
    const rows = await firstRows("requests", 2, 330);
    const allow = await refuseInserts("audit_outcomes");
    const mark = await github.mark();
    let job: JobSummary;
    try {
      const { status, body } = await github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, { ids: rows.map((row) => row.id), action: "approve" });
      expect(status).toBe(200);
      // Not done: the outcomes are not recorded, so the route answers the job, still running.
      job = body as JobSummary;
      expect(job).toMatchObject({ status: "running", done: 0, lastError: expect.stringContaining("resuming shortly") });
      const records = await trail(`batch=${job.id}`);
      expect(records.map(({ targetId, outcome, outcomeAt }) => ({ targetId, outcome, outcomeAt }))).toEqual(
        rows.map((row) => ({ targetId: row.id, outcome: "unknown", outcomeAt: null })),
      );
    } finally {
      await allow();
    }
    // Once they can be, the job resumes: GitHub no longer lists the two (they were approved), so
    // they are recorded as inferred, and nothing is sent again.
    await expect.poll(async () => (await trail(`batch=${job!.id}`)).map((record) => record.outcome), { timeout: 40_000, interval: 500 }).toEqual(["inferred", "inferred"]);
    expect((await writes(mark)).map((entry) => entry.path)).toEqual(["/orgs/acme/personal-access-token-requests"]);
  }, 60_000);
});

describe("the audit routes' input", () => {
  it.each([
    ["per_page=101", "per_page: must be a whole number from 1 to 100"],
    ["outcome=maybe", 'outcome[0]: must be "accepted", "inferred", "skipped", "failed" or "unknown"'],
    ["from=yesterday", "from: must be an ISO 8601 date"],
    ["batch=42", "batch: must be a batch id (a UUID)"],
    ["sort=time", "sort"],
  ])("refuses ?%s with 400", async (query, message) => {
    const { status, body } = await github.call(listAudit, `/api/orgs/acme/audit?${query}`, { org: "acme" });
    expect(status).toBe(400);
    expect(body.error.message).toContain(message);
  });

  it("needs an export format", async () => {
    expect(await download("")).toMatchObject({ status: 400 });
    expect(JSON.parse((await download("format=xlsx")).text)).toMatchObject({ error: { code: "bad_request", message: expect.stringContaining("format") } });
  });

  it("refuses fields it does not know (the page no longer sends token ids: Grantdesk looks them up), before anything reaches GitHub", async () => {
    const mark = await github.mark();
    const { status, body } = await github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, { ids: [1, 2], tokenIds: [3, 4], action: "deny" });
    expect(status).toBe(400);
    expect(body.error.message).toContain('"tokenIds"');
    expect(await github.log(mark)).toEqual([]);
  });
});
