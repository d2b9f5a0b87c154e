// npm run db:restore -- FILE [--replace] — loads a backup made by `npm run db:backup`, then checks
// every org's audit chain and prints the result.
//   Embedded: into DATA_DIR, which must be empty or missing (start Grantdesk on it afterwards).
//   PostgreSQL: with pg_restore into DATABASE_MIGRATION_URL (or DATABASE_URL); a database that
//     already holds audit records is refused unless --replace is given.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { Client } from "pg";
import { chainedOrgs, verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { lockDataDir } from "@/lib/db/data-dir-lock";
import { configuredLocation, fail, openConfiguredDatabase } from "./configured-database";

const SCRIPT = "db:restore";
const { values, positionals } = parseArgs({ allowPositionals: true, options: { replace: { type: "boolean", default: false } } });
const file = positionals[0] ? path.resolve(positionals[0]) : fail(SCRIPT, "name the backup file: npm run db:restore -- FILE");
if (!existsSync(file)) fail(SCRIPT, `no such file: ${file}`);
const location = configuredLocation();

if (location.databaseUrl) {
  const url = location.migrationUrl ?? location.databaseUrl;
  if (!values.replace && (await holdsRecords(url))) {
    fail(SCRIPT, "the database already holds audit records: restore into an empty database, or pass --replace to overwrite it");
  }
  const restore = spawnSync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--exit-on-error", "--dbname", url, file], { stdio: ["ignore", "inherit", "inherit"] });
  if (restore.error && (restore.error as NodeJS.ErrnoException).code === "ENOENT") {
    fail(SCRIPT, "pg_restore is not installed: install PostgreSQL's client tools (Debian: apt-get install postgresql-client)");
  }
  if (restore.status !== 0) fail(SCRIPT, `pg_restore failed (exit ${restore.status})`);
} else {
  const dataDir = path.resolve(location.dataDir);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    fail(SCRIPT, `DATA_DIR ${dataDir} is not empty: restore into an empty or new folder (DATA_DIR=./data-restored npm run db:restore -- FILE) and start Grantdesk on it`);
  }
  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir);
  try {
    const client = await PGlite.create({ dataDir, loadDataDir: new Blob([await readFile(file)]) });
    await client.close();
  } catch (error) {
    fail(SCRIPT, `${file} could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await unlock();
  }
}

// Opening applies any migrations newer than the backup (and, on PostgreSQL with two roles, the grants).
const opened = await openConfiguredDatabase(SCRIPT);
let broken = 0;
try {
  for (const org of await chainedOrgs(opened.db)) {
    const result = await verifyAuditChain(opened.db, org);
    if (!result.ok) broken += 1;
    console.log(`${SCRIPT}: ${org}: ${result.ok ? `chain intact, ${result.links} link(s)` : `chain BROKEN: ${result.firstBreak!.problem}`}`);
  }
} finally {
  await opened.close();
}
console.log(`${SCRIPT}: restored ${file}`);
process.exit(broken > 0 ? 1 : 0);

async function holdsRecords(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>("select to_regclass('public.audit_batches') is not null as present");
    if (!rows[0]?.present) return false;
    const count = await client.query<{ n: number }>("select count(*)::int as n from audit_batches");
    return (count.rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}
