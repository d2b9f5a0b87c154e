// The database layer on both engines: migrations from the committed SQL, applied once (also when
// several instances start together), the embedded folder created on demand, and the audit
// tables refusing any change to what they hold.

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { DataDirInUseError, isRunning, LOCK_FILE } from "./data-dir-lock";
import { MIGRATIONS_FOLDER } from "./migrate-database";
import { openDatabase, type OpenDatabase } from "./open-database";
import { auditBatches, auditChain, auditOutcomes, auditTargets } from "./schema";
import { createPostgresDatabase, POSTGRES_SKIPPED, STORAGE_BACKENDS } from "@/test-support/test-databases";

const MIGRATION_COUNT = (JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
const BATCH = "5b0f3c59-62a3-4c36-9a0e-3f1d2b6c7a01";

async function rows<T>(opened: OpenDatabase, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await opened.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The database's own error message, under drizzle's "Failed query" wrapper. */
async function refusal(attempt: Promise<unknown>): Promise<string> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, "the change should have been refused").toBeInstanceOf(Error);
  const cause = (error as Error).cause;
  return cause instanceof Error ? cause.message : (error as Error).message;
}

for (const backend of STORAGE_BACKENDS) {
  describe.skipIf(!backend.available)(`${backend.name}${backend.available ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
    let opened: OpenDatabase;

    beforeEach(async () => {
      opened = await backend.open();
    });

    afterEach(async () => {
      await opened?.close();
    });

    it("creates the schema with every committed migration, recorded in drizzle's journal", async () => {
      expect(opened.migrationsApplied).toBe(MIGRATION_COUNT);
      const tables = await rows<{ table_name: string }>(
        opened,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(tables.map((table) => table.table_name)).toEqual([
        "audit_batches",
        "audit_chain",
        "audit_chain_start",
        "audit_outcomes",
        "audit_targets",
        "bulk_job_ids",
        "bulk_jobs",
        "github_app_credentials",
        "github_installations",
        "inventory_pages",
        "inventory_syncs",
        "notification_channels",
        "notification_settings",
        "notifications",
        "org_write_pace",
        "owner_tokens",
        "pat_inventory",
        "rate_limits",
        "session_revocations",
        "webhook_deliveries",
      ]);
      const journal = await rows<{ count: number }>(opened, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
      expect(journal[0]?.count).toBe(MIGRATION_COUNT);
    });

    describe("append-only", () => {
      beforeEach(async () => {
        await opened.db.insert(auditBatches).values({ id: BATCH, org: "acme", action: "deny", actorLogin: "mona", actorId: 1001, reason: "no" });
        await opened.db.insert(auditTargets).values({ batchId: BATCH, targetId: 7, position: 0, tokenId: 70, tokenName: "ci", tokenOwnerLogin: "hubot" });
        await opened.db.insert(auditOutcomes).values({ batchId: BATCH, targetId: 7, outcome: "failed", status: 422, code: "validation_failed", message: "already denied" });
        await opened.db.insert(auditChain).values({ org: "acme", position: 1, batchId: BATCH, kind: "intent", rowDigests: ["a"], prevHash: "0", hash: "h" });
      });

      it.each([
        ["audit_batches", sql`update audit_batches set reason = 'rewritten'`, sql`delete from audit_batches`],
        ["audit_targets", sql`update audit_targets set token_owner_login = 'someone-else'`, sql`delete from audit_targets`],
        ["audit_outcomes", sql`update audit_outcomes set outcome = 'accepted'`, sql`delete from audit_outcomes`],
        ["audit_chain", sql`update audit_chain set hash = 'forged'`, sql`delete from audit_chain`],
        ["audit_chain_start", sql`update audit_chain_start set before_seq = 1000`, sql`delete from audit_chain_start`],
      ])("refuses UPDATE, DELETE and TRUNCATE on %s, and keeps the row as it was", async (table, update, remove) => {
        expect(await refusal(opened.db.execute(update))).toBe(`the audit trail is append-only: UPDATE on ${table} refused`);
        expect(await refusal(opened.db.execute(remove))).toBe(`the audit trail is append-only: DELETE on ${table} refused`);
        expect(await refusal(opened.db.execute(sql.raw(`truncate ${table} cascade`)))).toMatch(/^the audit trail is append-only: TRUNCATE on audit_\w+ refused$/);

        const [kept] = await rows<{ reason: string; token_owner_login: string; outcome: string }>(
          opened,
          sql`select reason, token_owner_login, outcome from audit_batches join audit_targets on batch_id = id join audit_outcomes using (batch_id, target_id)`,
        );
        expect(kept).toEqual({ reason: "no", token_owner_login: "hubot", outcome: "failed" });
      });

      it("refuses a second outcome for the same id instead of replacing the first", async () => {
        const second = opened.db.insert(auditOutcomes).values({ batchId: BATCH, targetId: 7, outcome: "accepted" });
        expect(await refusal(second)).toMatch(/duplicate key value violates unique constraint "audit_outcomes_batch_id_target_id_pk"/);
      });

      it("refuses an outcome for an id the batch never recorded", async () => {
        const stray = opened.db.insert(auditOutcomes).values({ batchId: BATCH, targetId: 8, outcome: "accepted" });
        expect(await refusal(stray)).toMatch(/violates foreign key constraint/);
      });
    });
  });
}

describe("PGlite in a folder", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "grantdesk-db-test-"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("creates the folder when missing, keeps the records across restarts, and migrates only once", async () => {
    const dataDir = path.join(root, "nested", "data");
    const first = await openDatabase({ dataDir });
    expect(first.migrationsApplied).toBe(MIGRATION_COUNT);
    await first.db.insert(auditBatches).values({ id: BATCH, org: "acme", action: "approve", actorLogin: "mona", actorId: 1001 });
    await first.close();

    const second = await openDatabase({ dataDir });
    try {
      expect(second.migrationsApplied).toBe(0);
      expect(await second.db.select({ id: auditBatches.id, actorLogin: auditBatches.actorLogin }).from(auditBatches)).toEqual([{ id: BATCH, actorLogin: "mona" }]);
    } finally {
      await second.close();
    }
  });
});

describe("PGlite folder left by another process", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "grantdesk-db-kill-"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** A separate process that opens `dataDir`, records an action and then holds the folder. */
  async function holder(dataDir: string) {
    const child = spawn("npx", ["tsx", "--conditions=react-server", path.join("test-support", "hold-data-dir.ts"), dataDir, BATCH], {
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so the npx wrapper and tsx's node can be killed together.
      detached: true,
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", () => output.includes("ready") && resolve());
      child.on("exit", (code) => reject(new Error(`the holder exited (${code}) before it was ready: ${output}`)));
    });
    return child;
  }

  it("is refused while that process runs, and opens with every record after it is killed with SIGKILL", async () => {
    const dataDir = path.join(root, "data");
    const child = await holder(dataDir);
    const exited = new Promise((resolve) => child.on("exit", resolve));
    try {
      const attempt = await openDatabase({ dataDir }).then(
        async (opened) => {
          await opened.close();
          return null;
        },
        (error: unknown) => error,
      );
      expect(attempt).toBeInstanceOf(DataDirInUseError);
      expect((attempt as DataDirInUseError).pid).toBeGreaterThan(0);
    } finally {
      // No chance to close anything, as after a crash or the OOM killer.
      process.kill(-child.pid!, "SIGKILL");
    }
    await exited;
    // tsx runs the script in a node of its own, which goes down with the group a moment later.
    const { pid } = JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), "utf8")) as { pid: number };
    await expect.poll(() => isRunning(pid), { timeout: 10_000 }).toBe(false);

    const reopened = await openDatabase({ dataDir });
    try {
      expect(reopened.migrationsApplied).toBe(0);
      expect(await reopened.db.select({ id: auditBatches.id }).from(auditBatches)).toEqual([{ id: BATCH }]);
      expect(await reopened.db.select({ targetId: auditOutcomes.targetId, outcome: auditOutcomes.outcome }).from(auditOutcomes)).toEqual([
        { targetId: 7, outcome: "accepted" },
      ]);
      expect(await verifyAuditChain(reopened.db, "acme")).toMatchObject({ ok: true, links: 2 });
    } finally {
      await reopened.close();
    }
  }, 90_000);
});

describe.skipIf(!STORAGE_BACKENDS[1]!.available)(`PostgreSQL, several instances starting together${STORAGE_BACKENDS[1]!.available ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
  it("applies the migrations exactly once, and every instance ends up on the full schema", async () => {
    const database = await createPostgresDatabase();
    const instances: OpenDatabase[] = [];
    try {
      // Each instance has its own pool, as separate processes would; they race for the migrations.
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => openDatabase({ databaseUrl: database.url, dataDir: "unused" })));
      for (const result of results) if (result.status === "fulfilled") instances.push(result.value);
      expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);

      expect(instances.map((instance) => instance.migrationsApplied).sort()).toEqual([0, 0, 0, MIGRATION_COUNT]);
      const [journal] = await rows<{ count: number; hashes: number }>(
        instances[0]!,
        sql`select count(*)::int as count, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations`,
      );
      expect(journal).toEqual({ count: MIGRATION_COUNT, hashes: MIGRATION_COUNT });
      for (const instance of instances) {
        await instance.db.insert(auditBatches).values({ id: crypto.randomUUID(), org: "acme", action: "revoke", actorLogin: "mona", actorId: 1001 });
      }
      expect(await instances[3]!.db.$count(auditBatches)).toBe(4);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await database.drop();
    }
  });
});
