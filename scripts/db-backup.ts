// npm run db:backup [-- FILE] — a consistent copy of Grantdesk's database, to restore with
// `npm run db:restore -- FILE`.
//   Embedded (DATA_DIR): PGlite's own dump of the folder, a .tar.gz (stop the server first: one
//     process per folder, which is also what makes the copy consistent).
//   PostgreSQL (DATABASE_URL): pg_dump's custom format, one snapshot, taken with
//     DATABASE_MIGRATION_URL when set (the owner can read everything); needs PostgreSQL's client
//     tools at the server's major version or newer.
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { DataDirInUseError, lockDataDir } from "@/lib/db/data-dir-lock";
import { configuredLocation, fail, inUse } from "./configured-database";

const SCRIPT = "db:backup";
const location = configuredLocation();
const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
const file = path.resolve(process.argv[2] ?? `grantdesk-backup-${stamp}.${location.databaseUrl ? "dump" : "tar.gz"}`);

if (location.databaseUrl) {
  const url = location.migrationUrl ?? location.databaseUrl;
  const dump = spawnSync("pg_dump", ["--format=custom", "--no-owner", "--file", file, url], { stdio: ["ignore", "inherit", "inherit"] });
  if (dump.error && (dump.error as NodeJS.ErrnoException).code === "ENOENT") {
    fail(SCRIPT, "pg_dump is not installed: install PostgreSQL's client tools (Debian: apt-get install postgresql-client), or use your database service's own snapshots");
  }
  if (dump.status !== 0) fail(SCRIPT, `pg_dump failed (exit ${dump.status}); nothing usable was written to ${file}`);
} else {
  const dataDir = path.resolve(location.dataDir);
  let unlock: () => Promise<void>;
  try {
    unlock = await lockDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirInUseError) fail(SCRIPT, inUse(dataDir, error));
    throw error;
  }
  try {
    const client = await PGlite.create(dataDir);
    try {
      const tarball = await client.dumpDataDir("gzip");
      await writeFile(file, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
    } finally {
      await client.close();
    }
  } catch (error) {
    fail(SCRIPT, `could not read DATA_DIR ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await unlock();
  }
}
console.log(`${SCRIPT}: wrote ${file}`);
