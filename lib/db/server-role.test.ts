// Two roles on PostgreSQL: migrations run as the owner (DATABASE_MIGRATION_URL), the server as a
// role that may only add to and read the audit trail (DATABASE_URL) — so even with the append-only
// triggers dropped, the server's connection cannot change a record.

import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordIntent } from "@/lib/audit/record-intent";
import { recordOutcomes } from "@/lib/audit/record-outcomes";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { openDatabase, type OpenDatabase } from "./open-database";
import { claimDueNotifications, enqueueNotifications, settleNotification } from "@/lib/notifications/notification-queue";
import { createChannel } from "@/lib/notifications/settings-store";
import { createSecretBox } from "@/lib/security/secret-box";
import { notificationChannels, sessionRevocations } from "./schema";
import { POSTGRES_SKIPPED, TEST_DATABASE_URL } from "@/test-support/test-databases";

const BATCH = "6c1f4d6a-73b4-4d47-8b1f-4a2e3c7d8b02";

async function asSuperuser(statement: string, database?: string) {
  const url = new URL(TEST_DATABASE_URL!);
  if (database) url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The database's own error message, under drizzle's "Failed query" wrapper. */
async function refusal(attempt: Promise<unknown>): Promise<string> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, "the statement should have been refused").toBeInstanceOf(Error);
  const cause = (error as Error).cause;
  return cause instanceof Error ? cause.message : (error as Error).message;
}

describe.skipIf(!TEST_DATABASE_URL)(`the server's role on PostgreSQL${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
  const suffix = randomBytes(4).toString("hex");
  const names = { database: `grantdesk_roles_${suffix}`, owner: `grantdesk_owner_${suffix}`, server: `grantdesk_app_${suffix}` };
  const password = randomBytes(12).toString("hex");
  const urlFor = (role: string) => {
    const url = new URL(TEST_DATABASE_URL!);
    Object.assign(url, { username: role, password, pathname: `/${names.database}` });
    return url.toString();
  };
  let server: OpenDatabase;

  beforeAll(async () => {
    await asSuperuser(`create role ${names.owner} login password '${password}'`);
    await asSuperuser(`create role ${names.server} login password '${password}'`);
    await asSuperuser(`create database ${names.database} owner ${names.owner}`);
    server = await openDatabase({ databaseUrl: urlFor(names.server), migrationUrl: urlFor(names.owner), dataDir: "unused" });
  });

  afterAll(async () => {
    await server?.close();
    await asSuperuser(`drop database if exists ${names.database} with (force)`);
    await asSuperuser(`drop role if exists ${names.server}`);
    await asSuperuser(`drop role if exists ${names.owner}`);
  });

  it("migrates as the owner, and the server records, reads and checks the trail", async () => {
    expect(server.migrationsApplied).toBeGreaterThan(0);
    await recordIntent(server.db, { batchId: BATCH, org: "acme", action: "deny", actor: { login: "mona", id: 1001 }, actedAs: "app", reason: "no", ids: [7], snapshots: new Map() });
    await recordOutcomes(server.db, BATCH, [{ id: 7, ok: false, status: 422, code: "validation_failed", error: "already denied" }]);
    expect(await verifyAuditChain(server.db, "acme")).toMatchObject({ ok: true, links: 2 });
    // A second instance finds nothing to migrate and grants the same again.
    const again = await openDatabase({ databaseUrl: urlFor(names.server), migrationUrl: urlFor(names.owner), dataDir: "unused" });
    expect(again.migrationsApplied).toBe(0);
    await again.close();
  });

  it.each([
    ["UPDATE", `update audit_outcomes set outcome = 'accepted'`, /^permission denied for table audit_outcomes$/],
    ["DELETE", `delete from audit_batches`, /^permission denied for table audit_batches$/],
    ["TRUNCATE", `truncate audit_targets cascade`, /^permission denied for table audit_targets$/],
    ["UPDATE of the chain", `update audit_chain set hash = 'forged'`, /^permission denied for table audit_chain$/],
    ["disabling the triggers", `alter table audit_outcomes disable trigger user`, /^must be owner of table audit_outcomes$/],
    ["dropping a trigger", `drop trigger audit_outcomes_append_only on audit_outcomes`, /^must be owner of (table|relation) audit_outcomes$/],
  ])("refuses %s to the server's role", async (_, statement, message) => {
    expect(await refusal(server.db.execute(sql.raw(statement)))).toMatch(message);
  });

  it("still cannot UPDATE or DELETE an audit row once a superuser has dropped the triggers", async () => {
    await asSuperuser(`drop trigger audit_outcomes_append_only on audit_outcomes; drop trigger audit_batches_append_only on audit_batches`, names.database);
    expect(await refusal(server.db.execute(sql`update audit_outcomes set outcome = 'accepted'`))).toBe("permission denied for table audit_outcomes");
    expect(await refusal(server.db.execute(sql`delete from audit_batches`))).toBe("permission denied for table audit_batches");
    const [row] = ((await server.db.execute(sql`select outcome from audit_outcomes`)) as unknown as { rows: { outcome: string }[] }).rows;
    expect(row).toEqual({ outcome: "failed" });
  });

  it("leaves a role alone that is both the owner and the server (two spellings of one URL)", async () => {
    const same = await openDatabase({ databaseUrl: `${urlFor(names.owner)}?application_name=grantdesk`, migrationUrl: urlFor(names.owner), dataDir: "unused" });
    try {
      expect(await same.db.$count(sessionRevocations)).toBeGreaterThanOrEqual(0);
      const [row] = ((await same.db.execute(sql`select count(*)::int as n from audit_batches`)) as unknown as { rows: { n: number }[] }).rows;
      expect(row!.n).toBe(1);
    } finally {
      await same.close();
    }
  });

  it("may add, read and prune signed-out sessions", async () => {
    const sessionId = "7d2e5f8a-84c5-4e58-9c2a-5b3f4d8e9c03";
    await server.db.insert(sessionRevocations).values({ sessionId, expiresAt: new Date(Date.now() - 1000) });
    expect(await server.db.$count(sessionRevocations)).toBe(1);
    await server.db.delete(sessionRevocations).where(sql`${sessionRevocations.expiresAt} < now()`);
    expect(await server.db.$count(sessionRevocations)).toBe(0);
  });

  it("may keep notification settings and channels, queue a notification, claim it and record its outcome", async () => {
    const box = createSecretBox("server-role-tests-secret-server-role-tests");
    const channel = await createChannel(server.db, "acme", { kind: "slack", name: "#owners", url: "https://hooks.slack.com/services/T/B/X" }, { box, instanceSmtp: false, actor: "mona" });
    const [queued] = await enqueueNotifications(server.db, "acme", [{ trigger: "test", subject: "test:1", content: { type: "test", org: "acme", channelName: "#owners" }, channel }]);
    const [claimed] = await claimDueNotifications(server.db, "instance", 1);
    expect(claimed?.id).toBe(queued!.id);
    expect(await settleNotification(server.db, claimed!, "instance", { kind: "sent" })).toMatchObject({ status: "sent", attempts: 1 });
    await server.db.delete(notificationChannels).where(sql`${notificationChannels.id} = ${channel.id}`);
  });
});
