// npm run db:backup and db:restore, run as a person would (their own processes), on both
// engines: what is restored is what was backed up, chain intact; a folder in use or a target
// that already holds records is refused with one line.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordIntent } from "@/lib/audit/record-intent";
import { recordOutcomes } from "@/lib/audit/record-outcomes";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { openDatabase, type DatabaseLocation } from "./open-database";
import { auditBatches, auditOutcomes } from "./schema";
import { createPostgresDatabase, POSTGRES_SKIPPED, TEST_DATABASE_URL } from "@/test-support/test-databases";

const BATCH = "8e3f6a9b-95d6-4f69-8d3b-6c4a5e9fad04";
const hasPgDump = spawnSync("pg_dump", ["--version"]).status === 0;

/** Runs `npm run SCRIPT -- ARGS` with only the database variables set. */
function run(script: "db-backup" | "db-restore" | "audit-verify", args: string[], env: Record<string, string>) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", path.join("scripts", `${script}.ts`), ...args], {
    env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function seed(location: DatabaseLocation) {
  const opened = await openDatabase(location);
  try {
    await recordIntent(opened.db, { batchId: BATCH, org: "acme", action: "revoke", actor: { login: "mona", id: 1001 }, actedAs: "app", reason: "offboarding", ids: [5, 6], snapshots: new Map() });
    await recordOutcomes(opened.db, BATCH, [
      { id: 5, ok: true },
      { id: 6, ok: true, inferred: true },
    ]);
  } finally {
    await opened.close();
  }
}

async function contents(location: DatabaseLocation) {
  const opened = await openDatabase(location);
  try {
    return {
      batches: await opened.db.select({ id: auditBatches.id, reason: auditBatches.reason }).from(auditBatches),
      outcomes: await opened.db.select({ targetId: auditOutcomes.targetId, outcome: auditOutcomes.outcome }).from(auditOutcomes).orderBy(auditOutcomes.targetId),
      chain: await verifyAuditChain(opened.db, "acme"),
    };
  } finally {
    await opened.close();
  }
}

const EXPECTED = {
  batches: [{ id: BATCH, reason: "offboarding" }],
  outcomes: [
    { targetId: 5, outcome: "accepted" },
    { targetId: 6, outcome: "inferred" },
  ],
  chain: expect.objectContaining({ ok: true, links: 2 }),
};

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "grantdesk-backup-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the embedded database", () => {
  it("backs up a folder and restores it into an empty one, chain intact", async () => {
    const original = path.join(root, "original");
    const file = path.join(root, "backup.tar.gz");
    await seed({ dataDir: original });

    const backup = run("db-backup", [file], { DATA_DIR: original });
    expect(backup, backup.output).toMatchObject({ status: 0 });
    expect(existsSync(file)).toBe(true);

    const restored = path.join(root, "restored");
    const restore = run("db-restore", [file], { DATA_DIR: restored });
    expect(restore.status, restore.output).toBe(0);
    expect(restore.output).toContain("acme: chain intact, 2 link(s)");
    expect(await contents({ dataDir: restored })).toEqual(EXPECTED);

    const verify = run("audit-verify", [], { DATA_DIR: restored });
    expect(verify.status, verify.output).toBe(0);
    expect(verify.output).toMatch(/^acme: intact — 2 link\(s\), head [0-9a-f]{64}$/m);

    // Never over a folder that holds a database.
    const again = run("db-restore", [file], { DATA_DIR: restored });
    expect(again.status).toBe(2);
    expect(again.output).toContain(`DATA_DIR ${restored} is not empty`);
  }, 120_000);

  it("refuses to back up a folder a running server has open", async () => {
    const dataDir = path.join(root, "in-use");
    const opened = await openDatabase({ dataDir });
    try {
      const backup = run("db-backup", [path.join(root, "never.tar.gz")], { DATA_DIR: dataDir });
      expect(backup.status).toBe(2);
      expect(backup.output).toContain(`DATA_DIR ${dataDir} is in use by Grantdesk (pid ${process.pid})`);
      expect(existsSync(path.join(root, "never.tar.gz"))).toBe(false);
    } finally {
      await opened.close();
    }
  }, 60_000);
});

describe.skipIf(!TEST_DATABASE_URL || !hasPgDump)(`PostgreSQL${TEST_DATABASE_URL ? (hasPgDump ? "" : " (skipped: pg_dump is not installed)") : ` (${POSTGRES_SKIPPED})`}`, () => {
  it("backs up with pg_dump and restores into an empty database, chain intact", async () => {
    const [source, target] = [await createPostgresDatabase(), await createPostgresDatabase()];
    try {
      await seed({ databaseUrl: source.url, dataDir: "unused" });
      const file = path.join(root, "backup.dump");
      const backup = run("db-backup", [file], { DATABASE_URL: source.url });
      expect(backup.status, backup.output).toBe(0);

      const restore = run("db-restore", [file], { DATABASE_URL: target.url });
      expect(restore.status, restore.output).toBe(0);
      expect(await contents({ databaseUrl: target.url, dataDir: "unused" })).toEqual(EXPECTED);

      const again = run("db-restore", [file], { DATABASE_URL: target.url });
      expect(again.status).toBe(2);
      expect(again.output).toContain("already holds audit records");
    } finally {
      await source.drop();
      await target.drop();
    }
  }, 120_000);
});
