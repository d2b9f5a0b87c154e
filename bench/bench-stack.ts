// The stack every benchmark runs against: fake-github with a world large enough for the bulk
// benchmark, and the dashboard's production build in its own folder, on loopback ports of the
// bench's own range. One stack serves the whole run, so figures are measured side by side.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { sessionCookieFor } from "@/test-support/session-cookie";
import { installationToken } from "@/fake-github/test-support";
import type { FakeGitHub } from "@/fake-github/server";
import { buildIsStale } from "@/scripts/build-freshness";
import { startStack } from "@/scripts/stack";
import { hasBaselinePage } from "./page-weight";

export const DIST_DIR = ".next-bench";
const OUT_DIR = path.join("bench", "out");
/** The embedded database (audit trail) of the bench's dashboard: fresh each run, apart from the demo's ./data. */
const DATA_DIR = path.join(OUT_DIR, "data");
/** The dashboard's own output, kept for when a benchmark fails. */
export const LOG_FILE = path.join(OUT_DIR, "dashboard.log");
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3500);
const FAKE_PORT = Number(process.env.BENCH_FAKE_PORT ?? 4500);
/** GitHub latency fake-github adds to every API call, for every benchmark. */
export const UPSTREAM_LATENCY_MS = 50;
export const ORG = "acme";
/** acme's installation in fake-github's world. */
const ACME_INSTALLATION_ID = 101;
const OWNER = { login: "mona", id: 1001 };
// 1,000 requests and 1,000 tokens are consumed by the bulk benchmark; the rest keep every list
// and filter full (100 rows) for the benchmarks around it.
const WORLD = { seed: 1, requests: 1_500, tokens: 6_000 };

export interface BenchStack {
  appUrl: string;
  fake: FakeGitHub;
  /** Root of the dashboard's process tree (`next start`). */
  appPid: number;
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
  /** Dashboard environment added to (or overriding) the bench's. */
  env?: Record<string, string>;
}

export async function startBenchStack(options: BenchStackOptions = {}): Promise<BenchStack> {
  rmSync(DATA_DIR, { recursive: true, force: true });
  rmSync(LOG_FILE, { force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const authSecret = randomBytes(32).toString("base64url");
  const built = buildIsStale(DIST_DIR) || !hasBaselinePage(DIST_DIR);
  const stack = await startStack({
    appPort: APP_PORT,
    fakePort: FAKE_PORT,
    distDir: DIST_DIR,
    build: built ? "always" : "never",
    logFile: LOG_FILE,
    authSecret,
    fake: { ...WORLD, applyDelayMs: 300 },
    // BENCH_BASELINE adds the page-weight baseline page to this build (see bench/page-weight.ts).
    // The benchmarks drive one owner far faster than a person: their per-user limits are lifted
    // out of reach (the limiter still counts every call in the database, as in production).
    extraEnv: { DATA_DIR, BENCH_BASELINE: "1", RATE_LIMIT_READS_PER_MINUTE: "100000000", RATE_LIMIT_WRITES_PER_MINUTE: "100000000", ...options.env },
  });
  try {
    await setUpstreamLatency(stack.fake, UPSTREAM_LATENCY_MS);
    return {
      appUrl: stack.appUrl,
      fake: stack.fake,
      appPid: stack.appPid,
      ownerCookie: await sessionCookieFor(OWNER, authSecret),
      cookieFor: (user) => sessionCookieFor(user, authSecret),
      githubToken: await installationToken(stack.fake, ACME_INSTALLATION_ID),
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
