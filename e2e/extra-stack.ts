// A dashboard of a spec's own, with its own fake-github and database, started from the build the
// main run made (e2e/serve.ts) — for what the shared one cannot show: a fresh install without
// credentials, ACT_AS=owner, a server to stop with SIGTERM.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { FakeGitHubOptions } from "../fake-github/server";
import { startStack, type Stack } from "../scripts/stack";
import { DIST_DIR, EXTRA_STACKS, RUN_DIR } from "./e2e-env";
import { FakeGitHubControl } from "./fake-github-control";

export interface ExtraStack extends Stack {
  control: FakeGitHubControl;
  /** Everything the dashboard printed so far. */
  log(): string;
}

export interface ExtraStackOptions {
  fake?: Omit<FakeGitHubOptions, "port" | "callbackUrls">;
  env?: Record<string, string>;
  appCredentials?: boolean;
  server?: "next-start" | "standalone";
  /** A second instance of another stack's deployment: its fake-github, and the same AUTH_SECRET so sessions work on both. */
  sharedFake?: ExtraStack["fake"];
  authSecret?: string;
}

export async function startExtraStack(name: keyof typeof EXTRA_STACKS, options: ExtraStackOptions = {}): Promise<ExtraStack> {
  const logFile = path.join(RUN_DIR, `${name}.log`);
  const dataDir = path.join(RUN_DIR, `${name}-data`);
  rmSync(logFile, { force: true });
  rmSync(dataDir, { recursive: true, force: true });
  const stack = await startStack({
    ...EXTRA_STACKS[name],
    distDir: DIST_DIR,
    build: "never",
    logFile,
    fake: { seed: 1, requests: 40, tokens: 60, applyDelayMs: 200, ...options.fake },
    appCredentials: options.appCredentials,
    sharedFake: options.sharedFake,
    authSecret: options.authSecret,
    server: options.server,
    extraEnv: { DATA_DIR: dataDir, ...options.env },
  });
  // The same object: relaunch() updates its appPid and appExited.
  return Object.assign(stack, { control: new FakeGitHubControl(stack.fake.url), log: () => readFileSync(logFile, "utf8") });
}
