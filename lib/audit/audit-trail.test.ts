// Recording and reading the trail on both engines: an action's intent, its outcomes appended
// later, every filter, pages without overlap, and the keyset stream the export reads.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditRecord } from "@/lib/contract/audit-record";
import type { OpenDatabase } from "@/lib/db/open-database";
import { auditBatches } from "@/lib/db/schema";
import { POSTGRES_SKIPPED, STORAGE_BACKENDS } from "@/test-support/test-databases";
import type { AuditFilters } from "./audit-filters";
import { listAuditRecords } from "./list-audit-records";
import { recordIntent, type AuditIntent } from "./record-intent";
import { recordOutcomes } from "./record-outcomes";
import { streamAuditRecords } from "./stream-audit-records";

const MONA = { login: "mona", id: 1001 };
const OCTOCAT = { login: "octocat", id: 583231 };
const snapshot = (tokenId: number, ownerLogin: string) => ({ tokenId, tokenName: `token-${tokenId}`, ownerLogin });

// Four actions, oldest first. Batch ids are fixed so failures read well.
const DENY: AuditIntent = {
  batchId: "00000000-0000-4000-8000-000000000001",
  org: "acme",
  action: "deny",
  actor: MONA,
  actedAs: "owner",
  reason: "Use the deploy app",
  ids: [11, 12, 13],
  snapshots: new Map([
    [11, snapshot(511, "hubot")],
    [12, snapshot(512, "alice")],
  ]),
};
const REVOKE: AuditIntent = {
  batchId: "00000000-0000-4000-8000-000000000002",
  org: "acme",
  action: "revoke",
  actor: OCTOCAT,
  actedAs: "app",
  reason: "Offboarding",
  ids: [21, 22],
  snapshots: new Map([
    [21, snapshot(521, "Hubot")],
    [22, snapshot(522, "bob")],
  ]),
};
const APPROVE_ELSEWHERE: AuditIntent = { batchId: "00000000-0000-4000-8000-000000000003", org: "globex", action: "approve", actor: MONA, actedAs: "app", ids: [31], snapshots: new Map() };
// Recorded, sent, never answered (the process stopped): no outcome rows.
const INTERRUPTED: AuditIntent = { batchId: "00000000-0000-4000-8000-000000000004", org: "ACME", action: "approve", actor: MONA, actedAs: "app", ids: [41, 42], snapshots: new Map() };

const ids = (records: AuditRecord[]) => records.map((record) => record.targetId);
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

for (const backend of STORAGE_BACKENDS) {
  describe.skipIf(!backend.available)(`the audit trail on ${backend.name}${backend.available ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
    let opened: OpenDatabase;
    const list = (filters: Omit<AuditFilters, "org"> = {}, page = 1, perPage = 100) => listAuditRecords(opened.db, { org: "acme", ...filters }, page, perPage);

    beforeAll(async () => {
      opened = await backend.open();
      await recordIntent(opened.db, DENY);
      await recordOutcomes(opened.db, DENY.batchId, [
        { id: 11, ok: true },
        { id: 12, ok: false, status: 422, code: "validation_failed", error: "Request 12 has already been denied." },
        { id: 13, ok: false, status: 502, code: "outcome_unknown", error: "GitHub answered 502. Grantdesk could not tell whether GitHub applied it." },
      ]);
      // Actions a few milliseconds apart, so the time filters below can fall between two of them.
      await tick();
      await recordIntent(opened.db, REVOKE);
      await recordOutcomes(opened.db, REVOKE.batchId, [
        { id: 21, ok: true },
        { id: 22, ok: true },
      ]);
      await tick();
      await recordIntent(opened.db, APPROVE_ELSEWHERE);
      await recordIntent(opened.db, INTERRUPTED);
    });

    afterAll(async () => {
      await opened?.close();
    });

    it("reads back each id of each action with who, what, why, the token and the outcome, newest action first", async () => {
      const page = await list();
      expect(ids(page.items)).toEqual([41, 42, 21, 22, 11, 12, 13]);
      expect(page).toMatchObject({ page: 1, perPage: 100, hasNextPage: false, lastPage: 1 });

      const [accepted, refused, unclear] = page.items.slice(4);
      expect(accepted).toEqual({
        batchId: DENY.batchId,
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        org: "acme",
        actor: MONA,
        action: "deny",
        actedAs: "owner",
        targetId: 11,
        token: { id: 511, name: "token-511", ownerLogin: "hubot" },
        reason: "Use the deploy app",
        outcome: "accepted",
        status: null,
        code: null,
        message: null,
        outcomeAt: expect.stringMatching(/Z$/),
      });
      expect(refused).toMatchObject({ targetId: 12, outcome: "failed", status: 422, code: "validation_failed", message: "Request 12 has already been denied." });
      expect(unclear).toMatchObject({ targetId: 13, token: null, outcome: "unknown", status: 502, code: "outcome_unknown" });
      expect(Date.parse(unclear!.outcomeAt!)).toBeGreaterThanOrEqual(Date.parse(unclear!.at));
    });

    it("shows the ids of an action that was never answered as unknown, with no outcome time", async () => {
      const { items } = await list({ batch: INTERRUPTED.batchId });
      expect(items.map(({ targetId, outcome, outcomeAt, org }) => ({ targetId, outcome, outcomeAt, org }))).toEqual([
        { targetId: 41, outcome: "unknown", outcomeAt: null, org: "ACME" },
        { targetId: 42, outcome: "unknown", outcomeAt: null, org: "ACME" },
      ]);
    });

    it.each<[string, Omit<AuditFilters, "org">, number[]]>([
      ["actor (case-insensitive)", { actor: ["OctoCat"] }, [21, 22]],
      ["several actors", { actor: ["octocat", "mona"] }, [41, 42, 21, 22, 11, 12, 13]],
      ["action", { action: ["deny"] }, [11, 12, 13]],
      ["actions", { action: ["approve", "revoke"] }, [41, 42, 21, 22]],
      ["outcome accepted", { outcome: ["accepted"] }, [21, 22, 11]],
      ["outcome failed", { outcome: ["failed"] }, [12]],
      ["outcome unknown, recorded or not", { outcome: ["unknown"] }, [41, 42, 13]],
      ["token owner (case-insensitive)", { owner: ["hubot"] }, [21, 11]],
      ["batch", { batch: REVOKE.batchId }, [21, 22]],
      ["target (one request's history)", { target: 12 }, [12]],
      ["an actor with no actions", { actor: ["hubot"] }, []],
      ["several filters at once", { actor: ["mona"], outcome: ["accepted", "failed"] }, [11, 12]],
    ])("filters by %s", async (_, filters, expected) => {
      expect(ids((await list(filters)).items)).toEqual(expected);
    });

    it("filters by the time an action was recorded: from is inclusive, before exclusive", async () => {
      const [revokedAt] = (await list({ batch: REVOKE.batchId })).items.map((record) => new Date(record.at));
      expect(ids((await list({ from: revokedAt }, 1, 100)).items)).toEqual([41, 42, 21, 22]);
      expect(ids((await list({ before: revokedAt })).items)).toEqual([11, 12, 13]);
      expect(ids((await list({ from: new Date(Date.now() + 60_000) })).items)).toEqual([]);
    });

    it("keeps other orgs' records out, whatever the case of the org's name", async () => {
      expect(ids((await listAuditRecords(opened.db, { org: "globex" }, 1, 30)).items)).toEqual([31]);
      expect(ids((await listAuditRecords(opened.db, { org: "Acme", action: ["approve"] }, 1, 30)).items)).toEqual([41, 42]);
    });

    it("pages in order without overlap, and says where the last page is", async () => {
      const pages = await Promise.all([1, 2, 3, 4].map((page) => list({}, page, 3)));
      expect(pages.map((page) => ids(page.items))).toEqual([[41, 42, 21], [22, 11, 12], [13], []]);
      expect(pages.map(({ hasNextPage, lastPage }) => ({ hasNextPage, lastPage }))).toEqual([
        { hasNextPage: true, lastPage: 3 },
        { hasNextPage: true, lastPage: 3 },
        { hasNextPage: false, lastPage: 3 },
        { hasNextPage: false, lastPage: 3 },
      ]);
    });

    it("streams every match in the page order, page by page, including pages that split an action", async () => {
      const everything = ids((await list()).items);
      for (const pageSize of [1, 2, 3, 7, 1000]) {
        const streamed: number[][] = [];
        for await (const page of streamAuditRecords(opened.db, { org: "acme" }, pageSize)) streamed.push(ids(page));
        expect(streamed.flat()).toEqual(everything);
        expect(streamed.every((page) => page.length <= pageSize)).toBe(true);
      }
      const denied: number[] = [];
      for await (const page of streamAuditRecords(opened.db, { org: "acme", action: ["deny"] }, 2)) denied.push(...ids(page));
      expect(denied).toEqual([11, 12, 13]);
    });

    it("writes an action's intent all or nothing", async () => {
      const batchId = "00000000-0000-4000-8000-000000000099";
      // A repeated id breaks the targets' primary key after the batch row went in: both must go.
      await expect(recordIntent(opened.db, { ...DENY, batchId, ids: [91, 91] })).rejects.toThrow();
      expect(await opened.db.$count(auditBatches)).toBe(4);
      expect((await list({ batch: batchId })).items).toEqual([]);
    });
  });
}
