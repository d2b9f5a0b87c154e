// The trail's hash chain on both engines: every append is chained, concurrent appends still form
// one chain, and an edit made around Grantdesk (as a superuser, triggers disabled) is found and
// named by the check.

import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/lib/db/open-database";
import { auditChain } from "@/lib/db/schema";
import { createPostgresDatabase, POSTGRES_SKIPPED, STORAGE_BACKENDS } from "@/test-support/test-databases";
import { openDatabase } from "@/lib/db/open-database";
import { recordIntent, type AuditIntent } from "./record-intent";
import { recordOutcomes } from "./record-outcomes";
import { verifyAuditChain } from "./verify-audit-chain";

const MONA = { login: "mona", id: 1001 };
const batch = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const intent = (n: number, org = "acme", ids = [n * 10 + 1, n * 10 + 2]): AuditIntent => ({
  batchId: batch(n),
  org,
  action: "deny",
  actor: MONA, actedAs: "app",
  reason: `reason ${n}`,
  ids,
  snapshots: new Map([[ids[0]!, { tokenId: 500 + n, tokenName: `token-${n}`, ownerLogin: "hubot" }]]),
});

/** Runs SQL the way someone with the database's superuser password could: triggers off. */
async function tamper(opened: OpenDatabase, table: string, statement: string) {
  await opened.db.execute(sql.raw(`alter table ${table} disable trigger user`));
  try {
    await opened.db.execute(sql.raw(statement));
  } finally {
    await opened.db.execute(sql.raw(`alter table ${table} enable trigger user`));
  }
}

for (const backend of STORAGE_BACKENDS) {
  describe.skipIf(!backend.available)(`the audit chain on ${backend.name}${backend.available ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
    let opened: OpenDatabase;

    beforeEach(async () => {
      opened = await backend.open();
      for (const n of [1, 2, 3]) {
        await recordIntent(opened.db, intent(n));
        await recordOutcomes(opened.db, batch(n), [
          { id: n * 10 + 1, ok: true },
          { id: n * 10 + 2, ok: false, status: 422, code: "validation_failed", error: "already denied" },
        ]);
      }
      await recordIntent(opened.db, intent(4, "Globex"));
    });

    afterEach(async () => {
      await opened?.close();
    });

    it("chains every append of an org, one chain per org whatever the case of its name", async () => {
      const acme = await verifyAuditChain(opened.db, "ACME");
      expect(acme).toEqual({ org: "acme", ok: true, links: 6, head: expect.stringMatching(/^[0-9a-f]{64}$/), beforeChain: 0, firstBreak: null });
      expect(await verifyAuditChain(opened.db, "globex")).toMatchObject({ ok: true, links: 1 });
      expect(await verifyAuditChain(opened.db, "initech")).toMatchObject({ ok: true, links: 0, head: null });
      // A new append moves the head on.
      await recordIntent(opened.db, intent(5));
      expect((await verifyAuditChain(opened.db, "acme")).head).not.toBe(acme.head);
    });

    it.each([
      ["an outcome rewritten", "audit_outcomes", `update audit_outcomes set outcome = 'accepted', status = null where target_id = 22`, { position: 4, kind: "outcomes", targetId: 22, problem: "id 22's outcome was changed after it was recorded" }],
      ["a deny reason rewritten", "audit_batches", `update audit_batches set reason = 'routine' where id = '${batch(2)}'`, { position: 3, kind: "intent", targetId: null, problem: "the action's own record (who, what, why, when) was changed after it was recorded" }],
      ["a token's owner rewritten", "audit_targets", `update audit_targets set token_owner_login = 'someone' where target_id = 31`, { position: 5, kind: "intent", targetId: 31 }],
      ["an outcome removed", "audit_outcomes", `delete from audit_outcomes where target_id = 12`, { position: 2, kind: "outcomes", problem: expect.stringContaining("is gone") }],
      ["a link removed", "audit_chain", `delete from audit_chain where position = 3 and org = 'acme'`, { position: 4, problem: "link 3 is missing: the chain jumps from 2 to 4" }],
    ])("names the first broken record after %s", async (_, table, statement, expected) => {
      await tamper(opened, table, statement);
      const result = await verifyAuditChain(opened.db, "acme");
      expect(result.ok).toBe(false);
      expect(result.firstBreak).toMatchObject(expected);
      // Links up to the break held: 1 to 3 when link 4 is the first broken one; 1 and 2 when 3 is gone.
      expect(result.links).toBe(table === "audit_chain" ? 2 : expected.position - 1);
      // Another org's chain is untouched.
      expect((await verifyAuditChain(opened.db, "globex")).ok).toBe(true);
    });

    it("finds a link rewritten to match an edit, by the next link", async () => {
      await tamper(opened, "audit_outcomes", `update audit_outcomes set outcome = 'accepted' where target_id = 12`);
      // The first hex digit changed whatever it was (one link in 16 starts with "f" already).
      await tamper(opened, "audit_chain", `update audit_chain set hash = (case when left(hash, 1) = 'f' then 'e' else 'f' end) || substr(hash, 2) where org = 'acme' and position = 2`);
      expect((await verifyAuditChain(opened.db, "acme")).firstBreak).toMatchObject({ position: 2, problem: "link 2 was altered: its hash no longer matches what it records" });
    });

    it("finds an action written around Grantdesk, and an outcome added to a chained action", async () => {
      await opened.db.execute(sql.raw(`insert into audit_outcomes (batch_id, target_id, outcome) select id, 41, 'accepted' from audit_batches where id = '${batch(4)}'`));
      expect((await verifyAuditChain(opened.db, "globex")).firstBreak).toMatchObject({ position: null, batchId: batch(4), kind: "outcomes", targetId: 41 });
      await opened.db.execute(sql.raw(`insert into audit_batches (id, org, action, actor_login, actor_id) values ('${batch(9)}', 'acme', 'revoke', 'mallory', 666)`));
      expect((await verifyAuditChain(opened.db, "acme")).firstBreak).toMatchObject({ position: null, batchId: batch(9), kind: "intent" });
    });

    it("keeps one unbroken chain when actions are recorded at the same time", async () => {
      await Promise.all(Array.from({ length: 12 }, (_, index) => recordIntent(opened.db, intent(10 + index))));
      const result = await verifyAuditChain(opened.db, "acme");
      expect(result).toMatchObject({ ok: true, links: 18 });
    });
  });
}

describe.skipIf(!STORAGE_BACKENDS[1]!.available)(`the audit chain with several instances on one PostgreSQL${STORAGE_BACKENDS[1]!.available ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
  it("serializes appends per org across instances: one chain, no fork, no gap", async () => {
    const database = await createPostgresDatabase();
    const instances = [] as OpenDatabase[];
    try {
      for (let index = 0; index < 3; index++) instances.push(await openDatabase({ databaseUrl: database.url, dataDir: "unused" }));
      await Promise.all(
        Array.from({ length: 30 }, async (_, index) => {
          const db = instances[index % instances.length]!.db;
          await recordIntent(db, intent(100 + index));
          await recordOutcomes(db, batch(100 + index), [{ id: (100 + index) * 10 + 1, ok: true, inferred: true }]);
        }),
      );
      const result = await verifyAuditChain(instances[0]!.db, "acme");
      expect(result).toMatchObject({ ok: true, links: 60 });
      const positions = await instances[1]!.db.select({ position: auditChain.position }).from(auditChain).orderBy(auditChain.position);
      expect(positions.map((row) => row.position)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await database.drop();
    }
  });
});
