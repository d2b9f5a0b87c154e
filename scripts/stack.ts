// Starts fake-github and the production build of the dashboard wired to it: what `npm run demo`
// and the Playwright suite both run.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, cpSync, existsSync, openSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { grantdeskEnvFor } from "../fake-github/grantdesk-env";
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "../fake-github/server";

export interface StackOptions {
  appPort: number;
  fakePort: number;
  /** Next's build folder; a separate one keeps the test build apart from a developer's. */
  distDir: string;
  /** "always" rebuilds, "if-missing" builds only when no build exists, "never" requires one. */
  build: "always" | "if-missing" | "never";
  /** When set, the dashboard's stdout/stderr go to this file instead of the terminal. */
  logFile?: string;
  authSecret?: string;
  fake?: Omit<FakeGitHubOptions, "port" | "callbackUrls">;
  /** Another stack's fake-github, shared (a second instance of one deployment): not started or stopped here. */
  sharedFake?: FakeGitHub;
  extraEnv?: Record<string, string>;
  /** False: start the dashboard without the GITHUB_APP_* variables, as a fresh install waiting for /setup. */
  appCredentials?: boolean;
  /**
   * `standalone`: run `node <distDir>/standalone/server.js` as the image does (the build must have
   * been made with `standaloneOutput`); default `next start`.
   */
  server?: "next-start" | "standalone";
  /** Build with Next's standalone output as well (NEXT_OUTPUT=standalone), for `server: "standalone"`. */
  standaloneOutput?: boolean;
  /** Runs once fake-github answers, before the dashboard starts (the bench sets GitHub's latency for the first sync). */
  beforeDashboard?: (fake: FakeGitHub) => Promise<void>;
}

export interface Stack {
  appUrl: string;
  fake: FakeGitHub;
  /** The `next start` launcher: the root of the dashboard's process tree (the bench reads its memory). */
  appPid: number;
  /** Resolves with the dashboard's exit code (or signal name) once it has exited. */
  appExited: Promise<number | string | null>;
  stop(): Promise<void>;
  /** Starts the dashboard again (same build, environment and data) after it exited; `appPid` and `appExited` follow the new one. */
  relaunch(): Promise<void>;
}

const APP_CREDENTIAL_VARIABLES = ["GITHUB_APP_ID", "GITHUB_APP_PRIVATE_KEY", "GITHUB_APP_CLIENT_ID", "GITHUB_APP_CLIENT_SECRET", "GITHUB_WEBHOOK_SECRET"];

export async function startStack(options: StackOptions): Promise<Stack> {
  const appUrl = `http://127.0.0.1:${options.appPort}`;
  const fake =
    options.sharedFake ??
    (await startFakeGitHub({
      // fake-github delivers its signed webhooks to the dashboard, as GitHub would to the app's URL.
      webhookUrl: `${appUrl}/api/github/webhooks`,
      webhookSecret: randomBytes(24).toString("base64url"),
      ...options.fake,
      port: options.fakePort,
      callbackUrls: [`${appUrl}/api/auth/callback/github`, `http://localhost:${options.appPort}/api/auth/callback/github`],
    }));
  const closeFake = () => (options.sharedFake ? Promise.resolve() : fake.close());

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: options.distDir,
    ...grantdeskEnvFor(fake),
    AUTH_SECRET: options.authSecret ?? randomBytes(32).toString("base64url"),
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    PORT: String(options.appPort),
    ...(options.standaloneOutput ? { NEXT_OUTPUT: "standalone" } : {}),
    ...options.extraEnv,
  };
  if (options.appCredentials === false) for (const name of APP_CREDENTIAL_VARIABLES) delete env[name];

  try {
    await options.beforeDashboard?.(fake);
  } catch (error) {
    await fake.close();
    throw error;
  }

  const hasBuild = existsSync(`${options.distDir}/BUILD_ID`);
  if (options.build === "always" || (options.build === "if-missing" && !hasBuild)) {
    console.log(`Building the dashboard into ${options.distDir} (a minute or two)…`);
    const result = spawnSync("npx", ["next", "build"], { env, stdio: "inherit" });
    if (result.status !== 0) {
      await closeFake();
      throw new Error("next build failed");
    }
  } else if (!hasBuild) {
    await closeFake();
    throw new Error(`no build in ${options.distDir}: run without --no-build`);
  }

  const launch = (): { app: ChildProcess; exited: Promise<number | string | null> } => {
    // The log file itself, not a pipe through this process: a pipe breaks when this process exits
    // first, and the server's shutdown logging then fails (EPIPE) in a loop instead of exiting.
    const log = options.logFile ? openSync(options.logFile, "a") : "inherit";
    const [command, args, serverEnv] =
      options.server === "standalone"
        ? (["node", [standaloneServer(options.distDir)], { ...env, HOSTNAME: "127.0.0.1", NEXT_MANUAL_SIG_HANDLE: "true" }] as const)
        : (["npx", ["next", "start", "-H", "127.0.0.1", "-p", String(options.appPort)], env] as const);
    const child = spawn(command, [...args], { env: serverEnv, stdio: ["ignore", log, log], detached: true });
    if (typeof log === "number") closeSync(log);
    return { app: child, exited: new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal))) };
  };

  let current = launch();
  const stack: Stack = {
    appUrl,
    fake,
    appPid: current.app.pid!,
    appExited: current.exited,
    stop: async () => {
      stopProcessGroup(current.app);
      await closeFake();
    },
    relaunch: async () => {
      if (current.app.exitCode === null && current.app.signalCode === null) throw new Error("the dashboard is still running: stop or kill it first");
      current = launch();
      stack.appPid = current.app.pid!;
      stack.appExited = current.exited;
      await waitForHttp(`${appUrl}/signin`, current.app, 60_000);
    },
  };
  try {
    await waitForHttp(`${appUrl}/signin`, current.app, 60_000);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}

/**
 * The standalone server of a build, with the browser assets beside it as the image has them
 * (Next leaves copying `static/` to the deployer; the Dockerfile does the same).
 */
function standaloneServer(distDir: string): string {
  const root = path.join(distDir, "standalone");
  const server = path.join(root, "server.js");
  if (!existsSync(server)) throw new Error(`no standalone server in ${root}: build with standaloneOutput (NEXT_OUTPUT=standalone)`);
  cpSync(path.join(distDir, "static"), path.join(root, distDir, "static"), { recursive: true });
  if (existsSync("public")) cpSync("public", path.join(root, "public"), { recursive: true });
  return path.resolve(server);
}

function stopProcessGroup(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the dashboard exited with code ${child.exitCode} before answering`);
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the dashboard did not answer at ${url} within ${timeoutMs / 1000} s`);
}
