// Bulk jobs against a running fake-github, on both engines: chunks of 100 paced and sent once, a
// chunk GitHub refuses whole narrowed down, a cancel between chunks, a chunk in flight at a crash
// settled from GitHub, one org's jobs in order with other orgs beside them, and drafts.

import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { control, sleep } from "@/fake-github/test-support";
import { startFakeGitHub, type FakeGitHub } from "@/fake-github/server";
import { USERS } from "@/fake-github/world";
import { recordChunkTargets } from "@/lib/audit/record-intent";
import { auditOutcomes } from "@/lib/db/schema";
import { bulkJobs } from "@/lib/db/jobs-schema";
import type { OpenDatabase } from "@/lib/db/open-database";
import { patInventory } from "@/lib/db/inventory-schema";
import { createGitHubClient, type GitHubClient } from "@/lib/github/create-github-client";
import { revokeTokens } from "@/lib/github/revoke-tokens";
import { syncList } from "@/lib/inventory/sync-list";
import { POSTGRES_SKIPPED, STORAGE_BACKENDS } from "@/test-support/test-databases";
import { confirmDraft, createDraft, createJob } from "./create-job";
import { chunkIds } from "./job-ids";
import { claimNextJob } from "./job-lease";
import { jobResult } from "./read-jobs";
import { runJob } from "./run-job";

interface LogEntry {
  seq: number;
  method: string;
  path: string;
  body: unknown;
  status: number | null;
  time: string;
}

const MONA = { login: USERS.mona.login, id: USERS.mona.id };
let fake: FakeGitHub;

beforeAll(async () => {
  fake = await startFakeGitHub({ port: 0, seed: 17, requests: 50, tokens: 900, applyDelayMs: 50, smtpPort: null });
});

afterAll(async () => {
  await fake?.close();
});

const log = async (since = 0) => (await control<{ entries: LogEntry[] }>(fake, `log?since=${since}`)).entries;
const mark = async () => (await log()).at(-1)?.seq ?? 0;
const revokes = (entries: LogEntry[]) => entries.filter((entry) => entry.method === "POST" && entry.path.startsWith("/orgs/acme/personal-access-tokens"));
const revokedIds = (entries: LogEntry[]) =>
  revokes(entries).flatMap((entry) => (entry.path.endsWith("/personal-access-tokens") ? (entry.body as { pat_ids: number[] }).pat_ids : [Number(entry.path.split("/").at(-1))]));

for (const backend of STORAGE_BACKENDS) {
  describe.skipIf(!backend.available)(`bulk jobs on ${backend.name}${backend.available ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
    let opened: OpenDatabase;
    let client: GitHubClient;
    let tokens: number[];

    const claimAndRun = async (options: { spacingMs?: number; settleGraceMs?: number } = {}) => {
      const job = await claimNextJob(opened.db, "test-instance");
      expect(job).not.toBeNull();
      await runJob(job!, { database: opened.db, client, owner: "test-instance", spacingMs: options.spacingMs ?? 1_000, settleGraceMs: options.settleGraceMs ?? 100 });
      return job!;
    };
    const take = (count: number) => tokens.splice(0, count);

    beforeAll(async () => {
      await control(fake, "reset", {});
      opened = await backend.open();
      client = createGitHubClient({ apiUrl: fake.url, appId: String(fake.appId), privateKey: fake.appPrivateKeyPem, timeoutMs: 5_000 });
      await syncList("acme", "tokens", { database: opened.db, client, owner: "test" });
      await syncList("globex", "tokens", { database: opened.db, client, owner: "test" });
      const rows = await opened.db.select({ id: patInventory.id }).from(patInventory).where(and(eq(patInventory.org, "acme"), eq(patInventory.kind, "tokens")));
      tokens = rows.map((row) => row.id).sort((a, b) => a - b);
    });

    beforeEach(async () => {
      await control(fake, "faults", { faults: [] });
    });

    afterAll(async () => {
      await opened?.close();
    });

    it("sends 250 ids in three chunks at least 1 s apart, each id once, and records every outcome", async () => {
      const ids = take(250);
      const before = await mark();
      const id = await createJob(opened.db, { org: "acme", actor: MONA, actedAs: "app", action: "revoke", ids, reason: "Offboarding" });
      await claimAndRun();
      const posts = revokes(await log(before));
      expect(posts.map((entry) => (entry.body as { pat_ids: number[] }).pat_ids.length)).toEqual([100, 100, 50]);
      expect(revokedIds(posts)).toEqual(ids);
      const times = posts.map((entry) => Date.parse(entry.time));
      for (let index = 1; index < times.length; index++) expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(950);
      const [job] = await opened.db.select().from(bulkJobs).where(eq(bulkJobs.id, id));
      expect(job).toMatchObject({ status: "done", accepted: 250, skipped: 0, failed: 0, nextChunk: 3, inflightChunk: null });
      expect((await jobResult(opened.db, id)).results.every((outcome) => outcome.ok)).toBe(true);
    });

    it("narrows down a chunk GitHub refuses whole because one id was revoked meanwhile: 99 accepted, 1 skipped", async () => {
      const ids = take(100);
      // The write is held for a moment; meanwhile one of its tokens is revoked on GitHub.
      await control(fake, "faults", { faults: [{ method: "POST", path: "^/orgs/acme/personal-access-tokens$", times: 1, kind: "latency", latencyMs: 1_500 }] });
      const before = await mark();
      const id = await createJob(opened.db, { org: "acme", actor: MONA, actedAs: "app", action: "revoke", ids });
      const run = claimAndRun();
      await expect.poll(async () => revokes(await log(before)).length, { timeout: 10_000 }).toBe(1);
      await control(fake, `orgs/acme/tokens/${ids[42]}/revoke`, {});
      await run;
      const posts = revokes(await log(before));
      expect(posts.map((entry) => entry.status)).toEqual([422, 202]);
      expect((posts[1]!.body as { pat_ids: number[] }).pat_ids).toEqual(ids.filter((other) => other !== ids[42]));
      const result = await jobResult(opened.db, id);
      expect(result).toMatchObject({ accepted: 99, skipped: 1, failed: 0 });
      expect(result.results[42]).toMatchObject({ id: ids[42], ok: false, code: "skipped" });
    });

    it("stops at a cancel before its next chunk: the chunk in flight finishes and is recorded, the rest is not sent", async () => {
      const ids = take(300);
      await control(fake, "faults", { faults: [{ method: "POST", path: "^/orgs/acme/personal-access-tokens$", times: 1, kind: "latency", latencyMs: 1_500 }] });
      const before = await mark();
      const id = await createJob(opened.db, { org: "acme", actor: MONA, actedAs: "app", action: "revoke", ids });
      const run = claimAndRun();
      await expect.poll(async () => revokes(await log(before)).length, { timeout: 10_000 }).toBe(1);
      await opened.db.update(bulkJobs).set({ cancelRequestedAt: new Date() }).where(eq(bulkJobs.id, id));
      await run;
      expect(revokedIds(await log(before))).toEqual(ids.slice(0, 100));
      const [job] = await opened.db.select().from(bulkJobs).where(eq(bulkJobs.id, id));
      expect(job).toMatchObject({ status: "cancelled", accepted: 100, skipped: 200, failed: 0 });
      const outcomes = await opened.db.select().from(auditOutcomes).where(eq(auditOutcomes.batchId, id));
      expect(outcomes).toHaveLength(300);
      expect(outcomes.filter((outcome) => outcome.outcome === "skipped" && outcome.code === "cancelled")).toHaveLength(200);
    });

    it("settles a chunk in flight at a crash from GitHub, without sending it again, then sends the rest once", async () => {
      const ids = take(200);
      const id = await createJob(opened.db, { org: "acme", actor: MONA, actedAs: "app", action: "revoke", ids });
      // As if an instance had recorded chunk 0, sent it, and died before recording its outcome.
      const first = await chunkIds(opened.db, id, 0);
      await recordChunkTargets(opened.db, { batchId: id, org: "acme", targets: first.map(({ id: targetId, position }) => ({ targetId, position })), snapshots: new Map() });
      await revokeTokens("acme", ids.slice(0, 100), { client });
      await opened.db
        .update(bulkJobs)
        .set({ status: "running", inflightChunk: 0, inflightAt: new Date(Date.now() - 1_000), leaseOwner: "dead-instance", leaseUntil: new Date(Date.now() - 1) })
        .where(eq(bulkJobs.id, id));
      await sleep(300);
      const before = await mark();
      await claimAndRun();
      expect(revokedIds(await log(before))).toEqual(ids.slice(100));
      const result = await jobResult(opened.db, id);
      expect(result.results.slice(0, 100).every((outcome) => outcome.ok && outcome.inferred)).toBe(true);
      expect(result.results.slice(100).every((outcome) => outcome.ok && !outcome.inferred)).toBe(true);
      expect(await opened.db.$count(auditOutcomes, eq(auditOutcomes.batchId, id))).toBe(200);
    });

    it("claims an org's jobs one at a time, in order, and another org's job beside them", async () => {
      const first = await createJob(opened.db, { org: "acme", actor: MONA, actedAs: "app", action: "revoke", ids: take(1) });
      const second = await createJob(opened.db, { org: "acme", actor: MONA, actedAs: "app", action: "revoke", ids: take(1) });
      const globexTokens = await opened.db.select({ id: patInventory.id }).from(patInventory).where(and(eq(patInventory.org, "globex"), eq(patInventory.kind, "tokens"))).limit(1);
      const other = await createJob(opened.db, { org: "globex", actor: MONA, actedAs: "app", action: "revoke", ids: [globexTokens[0]!.id] });
      const claimed = [await claimNextJob(opened.db, "a"), await claimNextJob(opened.db, "b"), await claimNextJob(opened.db, "c")];
      expect(claimed.map((job) => job?.id ?? null)).toEqual([first, other, null]);
      // Once the first is done, the second may go.
      await opened.db.update(bulkJobs).set({ status: "done" }).where(eq(bulkJobs.id, first));
      expect((await claimNextJob(opened.db, "c"))?.id).toBe(second);
      await opened.db.update(bulkJobs).set({ status: "done" }).where(eq(bulkJobs.id, second));
      await opened.db.update(bulkJobs).set({ status: "done" }).where(eq(bulkJobs.id, other));
    });

    it("freezes all that match a filter as a draft with its exact count; above 100 the org's name must be typed", async () => {
      const draft = await createDraft(opened.db, { org: "acme", actor: MONA, actedAs: "app", action: "revoke", filters: { signals: ["no-expiry"] } });
      const truth = await opened.db.$count(patInventory, and(eq(patInventory.org, "acme"), eq(patInventory.kind, "tokens"), isNull(patInventory.goneAt)));
      expect(draft.total).toBeGreaterThan(0);
      expect(draft.total).toBeLessThan(truth);
      expect(draft.typedConfirmation).toBe(draft.total > 100);
      if (draft.total > 100) {
        await expect(confirmDraft(opened.db, { org: "acme", draftId: draft.id, actor: MONA, actedAs: "app" })).rejects.toMatchObject({ code: "bad_request" });
      }
      await expect(confirmDraft(opened.db, { org: "acme", draftId: draft.id, actor: { login: "octocat", id: USERS.octocat.id }, actedAs: "app", typedOrg: "acme" })).rejects.toMatchObject({
        code: "not_found",
      });
      await confirmDraft(opened.db, { org: "acme", draftId: draft.id, actor: MONA, actedAs: "app", typedOrg: "ACME" });
      const [job] = await opened.db.select().from(bulkJobs).where(eq(bulkJobs.id, draft.id));
      expect(job).toMatchObject({ status: "queued", total: draft.total });
      await opened.db.update(bulkJobs).set({ status: "cancelled" }).where(eq(bulkJobs.id, draft.id));
      await expect(createDraft(opened.db, { org: "acme", actor: MONA, actedAs: "app", action: "revoke", filters: { search: "no-such-token-anywhere" } })).rejects.toMatchObject({
        code: "bad_request",
        message: expect.stringContaining("nothing matches"),
      });
    });
  });
}
