// The PostgreSQL the inventory-query benchmark runs its PostgreSQL half on: a database of its own
// on BENCH_DATABASE_URL's server (created, then dropped), or else a throwaway server started with
// scripts/ci-postgres.sh when PostgreSQL's server programs are installed (CI_POSTGRES_PORT, default
// 5433). Neither: that half is not measured, and says why.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";

export type BenchPostgres = { url: string; source: string; stop(): Promise<void> } | { url: null; why: string };

const SCRIPT = path.join("scripts", "ci-postgres.sh");

function serverInstalled(): boolean {
  const root = "/usr/lib/postgresql";
  return existsSync(root) && readdirSync(root).some((version) => existsSync(path.join(root, version, "bin", "pg_ctl")));
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  const server = process.env.BENCH_DATABASE_URL;
  if (server) return createDatabase(server, "BENCH_DATABASE_URL");
  // ci-postgres.sh would install PostgreSQL when run as root: a benchmark installs nothing.
  if (!serverInstalled()) return { url: null, why: "no PostgreSQL: set BENCH_DATABASE_URL, or install PostgreSQL's server" };
  // Under the system's temporary folder: as root the server runs as `postgres`, which may not enter the checkout.
  const dir = mkdtempSync(path.join(os.tmpdir(), "grantdesk-bench-postgres-"));
  const started = spawnSync("bash", [SCRIPT, "start", dir], { encoding: "utf8", timeout: 120_000 });
  const stopServer = () => void spawnSync("bash", [SCRIPT, "stop", dir], { stdio: "ignore", timeout: 60_000 });
  if (started.status !== 0) {
    stopServer();
    rmSync(dir, { recursive: true, force: true });
    return { url: null, why: `scripts/ci-postgres.sh could not start PostgreSQL: ${started.stderr.trim().split("\n").at(-1)}` };
  }
  return { url: started.stdout.trim(), source: `a throwaway server (scripts/ci-postgres.sh, port ${process.env.CI_POSTGRES_PORT ?? 5433})`, stop: async () => stopServer() };
}

/** A fresh database on an existing server, dropped by `stop`. */
async function createDatabase(serverUrl: string, source: string): Promise<BenchPostgres> {
  const name = `grantdesk_bench_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch (error) {
    return { url: null, why: `${source}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), source, stop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
