// The stacks the benchmarks run against: fake-github with a seeded world and the dashboard's
// production build in its own folder, on loopback ports of the bench's own range. The main stack
// (a 6,000-token org) serves benchmarks 1–7, side by side; the large one (100,000 tokens) serves
// the inventory and job benchmarks 8–11, after the main one has stopped.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { sessionCookieFor } from "@/test-support/session-cookie";
import { installationToken } from "@/fake-github/test-support";
import type { FakeGitHub } from "@/fake-github/server";
import type { InventoryStatus } from "@/lib/contract/inventory";
import { buildIsStale } from "@/scripts/build-freshness";
import { startStack } from "@/scripts/stack";
import { hasBaselinePage } from "./page-weight";

export const DIST_DIR = ".next-bench";
export const OUT_DIR = path.join("bench", "out");
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3500);
const FAKE_PORT = Number(process.env.BENCH_FAKE_PORT ?? 4500);
/** GitHub latency fake-github adds to every API call, for every benchmark (from before the dashboard starts). */
export const UPSTREAM_LATENCY_MS = 50;
export const ORG = "acme";
/** acme's installation in fake-github's world. */
const ACME_INSTALLATION_ID = 101;
const OWNER = { login: "mona", id: 1001 };

export interface StackSpec {
  name: "main" | "large";
  world: { seed: number; requests: number; tokens: number };
  /** The dashboard's embedded database (inventory, jobs, audit trail): fresh each run, apart from the demo's ./data. */
  dataDir: string;
  /** The dashboard's own output, kept for when a benchmark fails. */
  logFile: string;
}

// 1,000 requests and 1,000 tokens are consumed by the bulk benchmark; the rest keep every list
// and filter full (100 rows) for the benchmarks around it.
export const MAIN_STACK: StackSpec = {
  name: "main",
  world: { seed: 1, requests: 1_500, tokens: 6_000 },
  dataDir: path.join(OUT_DIR, "data"),
  logFile: path.join(OUT_DIR, "dashboard.log"),
};

// Issue 13's scale: one org of 100,000 tokens and 5,000 pending requests.
export const LARGE_STACK: StackSpec = {
  name: "large",
  world: { seed: 1, requests: 5_000, tokens: 100_000 },
  dataDir: path.join(OUT_DIR, "data-large"),
  logFile: path.join(OUT_DIR, "dashboard-large.log"),
};

export interface BenchStack {
  spec: StackSpec;
  appUrl: string;
  fake: FakeGitHub;
  /** Root of the dashboard's process tree (`next start`). */
  appPid: number;
  /** When the dashboard was started (its first sync starts with it). */
  appStartedAt: number;
  /** fake-github's log sequence number before the dashboard's first call: every later entry is the dashboard's or the bench's. */
  logStartSeq: number;
  /** `Cookie` header value of a signed-in owner of acme. */
  ownerCookie: string;
  /** `Cookie` header value of `user` signed in. */
  cookieFor(user: { login: string; id: number }): Promise<string>;
  /** An installation token for acme, to ask fake-github directly as the dashboard would. */
  githubToken: string;
  /** Whether this run had to build the dashboard first (not part of any figure). */
  built: boolean;
  stop(): Promise<void>;
}

export interface BenchStackOptions {
  /** Which world, ports and folders: the main stack unless said. */
  spec?: StackSpec;
  /** Dashboard environment added to (or overriding) the bench's. */
  env?: Record<string, string>;
}

export async function startBenchStack(options: BenchStackOptions = {}): Promise<BenchStack> {
  const spec = options.spec ?? MAIN_STACK;
  rmSync(spec.dataDir, { recursive: true, force: true });
  rmSync(spec.logFile, { force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const authSecret = randomBytes(32).toString("base64url");
  const built = buildIsStale(DIST_DIR) || !hasBaselinePage(DIST_DIR);
  let appStartedAt = 0;
  let logStartSeq = 0;
  let githubToken = "";
  const stack = await startStack({
    // The stacks run one after the other, on the same ports.
    appPort: APP_PORT,
    fakePort: FAKE_PORT,
    distDir: DIST_DIR,
    build: built ? "always" : "never",
    logFile: spec.logFile,
    authSecret,
    fake: { ...spec.world, applyDelayMs: 300, smtpPort: null },
    // BENCH_BASELINE adds the page-weight baseline page to this build (see bench/page-weight.ts).
    // The benchmarks drive one owner far faster than a person: their per-user limits are lifted
    // out of reach (the limiter still counts every call in the database, as in production).
    extraEnv: {
      DATA_DIR: spec.dataDir,
      BENCH_BASELINE: "1",
      RATE_LIMIT_READS_PER_MINUTE: "100000000",
      RATE_LIMIT_WRITES_PER_MINUTE: "100000000",
      ...options.env,
    },
    // The dashboard syncs its inventory as soon as it starts: GitHub is slow from the first call.
    // The bench's own installation token is minted first, so the dashboard's mints are all it counts.
    beforeDashboard: async (fake) => {
      await setUpstreamLatency(fake, UPSTREAM_LATENCY_MS);
      githubToken = await installationToken(fake, ACME_INSTALLATION_ID);
      logStartSeq = await lastLogSeq(fake);
      appStartedAt = Date.now();
    },
  });
  try {
    return {
      spec,
      appUrl: stack.appUrl,
      fake: stack.fake,
      appPid: stack.appPid,
      appStartedAt,
      logStartSeq,
      ownerCookie: await sessionCookieFor(OWNER, authSecret),
      cookieFor: (user) => sessionCookieFor(user, authSecret),
      githubToken,
      built,
      stop: stack.stop,
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

async function setUpstreamLatency(fake: FakeGitHub, latencyMs: number): Promise<void> {
  const response = await fetch(`${fake.url}/_fake/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ latencyMs }),
  });
  if (!response.ok) throw new Error(`fake-github config: ${response.status} ${await response.text()}`);
}

async function lastLogSeq(fake: FakeGitHub): Promise<number> {
  const response = await fetch(`${fake.url}/_fake/log`);
  if (!response.ok) throw new Error(`fake-github log: ${response.status}`);
  const { entries } = (await response.json()) as { entries: { seq: number }[] };
  return entries.at(-1)?.seq ?? 0;
}

/** Headers of a signed-in owner's call to the dashboard's API; writes also carry the app's own origin. */
export function dashboardHeaders(stack: BenchStack, write = false): Record<string, string> {
  const headers: Record<string, string> = { cookie: stack.ownerCookie };
  if (write) Object.assign(headers, { origin: stack.appUrl, "content-type": "application/json" });
  return headers;
}

/** Headers of a call straight to fake-github, as the dashboard's GitHub client sends them. */
export function githubHeaders(stack: BenchStack): Record<string, string> {
  return {
    authorization: `token ${stack.githubToken}`,
    accept: "application/vnd.github+json",
    "x-github-api-version": "2022-11-28",
  };
}

/** A JSON answer of the dashboard's API, as the signed-in owner. */
export async function dashboardJson<T>(stack: BenchStack, route: string, init: { method?: string; body?: unknown; timeoutMs?: number } = {}): Promise<T> {
  const write = init.method !== undefined && init.method !== "GET";
  const response = await fetch(`${stack.appUrl}${route}`, {
    method: init.method ?? "GET",
    headers: dashboardHeaders(stack, write),
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(init.timeoutMs ?? 60_000),
  });
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** When each list's sync was first seen complete (ms since the epoch, the dashboard's clock). */
export interface SyncedAt {
  requests: number;
  tokens: number;
  status: InventoryStatus;
}

/**
 * Waits until both of the org's lists have been synced completely since `since` (the inventory
 * answers every list and filter; the jobs re-check only ids it holds). Fails on a sync error.
 */
export async function waitForInventory(stack: BenchStack, since: number, timeoutMs: number): Promise<SyncedAt> {
  const deadline = Date.now() + timeoutMs;
  const seen: Partial<Record<"requests" | "tokens", number>> = {};
  for (;;) {
    const status = await dashboardJson<InventoryStatus>(stack, `/api/orgs/${ORG}/inventory`);
    for (const kind of ["requests", "tokens"] as const) {
      const list = status[kind];
      if (list.error && Date.parse(list.error.at) >= since) throw new Error(`the ${kind} sync failed: ${list.error.code}: ${list.error.message}`);
      const at = list.lastSuccessAt === null ? Number.NaN : Date.parse(list.lastSuccessAt);
      if (seen[kind] === undefined && at >= since) seen[kind] = at;
    }
    if (seen.requests !== undefined && seen.tokens !== undefined) return { requests: seen.requests, tokens: seen.tokens, status };
    if (Date.now() > deadline) throw new Error(`the inventory of ${ORG} was not synced within ${timeoutMs / 1000} s: ${JSON.stringify(status)}`);
    await sleep(250);
  }
}
