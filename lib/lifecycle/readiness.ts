import "server-only";
import { sql } from "drizzle-orm";
import { appCredentials } from "@/lib/app-credentials/app-credentials";
import { db } from "@/lib/db/database";
import { github } from "@/lib/github/shared-client";
import { isShuttingDown } from "./shutdown";

// What `GET /api/ready` reports to an orchestrator: whether this instance can do its work now.
// Answers say only "ok" / "failed", never why: the route is public, the reasons go to the log.

export type CheckResult = "ok" | "failed";

export interface Readiness {
  ready: boolean;
  shuttingDown: boolean;
  database: CheckResult;
  /** `not_configured`: no GitHub App yet — still ready, so the operator can reach /setup. */
  github: CheckResult | "not_configured";
}

/** A probe must answer quickly; a check that takes longer counts as failed. */
const CHECK_TIMEOUT_MS = 3_000;
/** GitHub is asked at most this often (probes come every few seconds from every instance). */
const GITHUB_CHECK_TTL_MS = 30_000;

const store = globalThis as typeof globalThis & { grantdeskGitHubCheck?: { key: string; at: number; result: Promise<CheckResult> } };

export async function checkReadiness(): Promise<Readiness> {
  const shuttingDown = isShuttingDown();
  const [database, githubResult] = await Promise.all([checkDatabase(), checkGitHub()]);
  return { ready: !shuttingDown && database === "ok" && githubResult !== "failed", shuttingDown, database, github: githubResult };
}

async function checkDatabase(): Promise<CheckResult> {
  return withTimeout(
    (async () => {
      await (await db()).execute(sql`select 1`);
      return "ok" as const;
    })(),
    "database",
  );
}

/** `GET /app` with the app's JWT: GitHub is reachable and still knows the app's credentials. */
function checkGitHub(): Promise<CheckResult | "not_configured"> {
  const credentials = appCredentials();
  if (!credentials) return Promise.resolve("not_configured");
  const key = `${credentials.appId}:${credentials.version}`;
  const cached = store.grantdeskGitHubCheck;
  if (cached?.key === key && Date.now() - cached.at < GITHUB_CHECK_TTL_MS) return cached.result;
  const result = withTimeout(
    github()
      .request("GET /app")
      .then(() => "ok" as const),
    "GitHub",
  );
  store.grantdeskGitHubCheck = { key, at: Date.now(), result };
  return result;
}

async function withTimeout(check: Promise<CheckResult>, what: string): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve("failed"), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      check.catch((error: unknown) => {
        console.warn(`[ready] ${what} check failed: ${error instanceof Error ? error.message : String(error)}`);
        return "failed" as const;
      }),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
