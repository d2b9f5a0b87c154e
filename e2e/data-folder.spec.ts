// The embedded database's folder across the ways people run Grantdesk: written by the development
// server and then opened by the production build, and a folder that cannot be opened stopping
// start-up with one line instead of a server that half works.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { USERS } from "@/fake-github/world";
import type { AuditChainVerification, AuditRecord } from "@/lib/contract/audit-record";
import type { Page as ListPage, PatRequestRow } from "@/lib/contract/pat-rows";
import { sessionCookieFor } from "@/test-support/session-cookie";
import { APP_KEY_FILE, DIST_DIR, FAKE_URL, KNOWN_SECRETS } from "./e2e-env";
import { expect, test } from "./fixtures";

test.describe.configure({ timeout: 300_000 });

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Dashboard {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** `next dev` or `next start` of this checkout on a free port, with its own data folder. */
async function startDashboard(mode: "dev" | "start", dataDir: string): Promise<Dashboard> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("npx", ["next", mode, "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      NODE_ENV: mode === "dev" ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // The dev server's own build folder, listed in tsconfig.json so next dev leaves that file alone.
      NEXT_DIST_DIR: mode === "dev" ? ".next-e2e-dev" : DIST_DIR,
      GITHUB_API_URL: FAKE_URL,
      GITHUB_URL: FAKE_URL,
      GITHUB_APP_ID: "1",
      GITHUB_APP_PRIVATE_KEY_FILE: APP_KEY_FILE,
      GITHUB_APP_CLIENT_ID: "Iv1.grantdeskdemo",
      GITHUB_APP_CLIENT_SECRET: KNOWN_SECRETS.clientSecret,
      AUTH_SECRET: KNOWN_SECRETS.authSecret,
      APP_URL: url,
      NEXTAUTH_URL: url,
      DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { url, child, output: () => output };
}

async function waitUntilServing(dashboard: Dashboard) {
  await expect
    .poll(
      async () => {
        if (dashboard.child.exitCode !== null) throw new Error(`the dashboard exited: ${dashboard.output()}`);
        return fetch(`${dashboard.url}/signin`, { signal: AbortSignal.timeout(60_000) }).then(
          (response) => response.status,
          () => 0,
        );
      },
      { timeout: 180_000, intervals: [1_000] },
    )
    .toBe(200);
}

/** Stops it as Ctrl-C in its terminal would. */
async function stop(dashboard: Dashboard, signal: NodeJS.Signals = "SIGINT") {
  if (dashboard.child.exitCode !== null) return;
  const exited = new Promise((resolve) => dashboard.child.on("exit", resolve));
  process.kill(-dashboard.child.pid!, signal);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (dashboard.child.exitCode === null) process.kill(-dashboard.child.pid!, "SIGKILL");
}

let root: string;
test.beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "grantdesk-data-folder-"));
});
test.afterAll(() => rmSync(root, { recursive: true, force: true }));

test("the production build holds no copy of PGlite of its own (a bundled copy cannot load its files)", () => {
  const assets = [path.join(DIST_DIR, "server", "assets"), path.join(DIST_DIR, "static", "media")]
    .filter((folder) => existsSync(folder))
    .flatMap((folder) => readdirSync(folder));
  expect(assets.filter((name) => /^(pglite|initdb)\b.*\.(wasm|data)$/.test(name))).toEqual([]);
});

test("a folder written by the development server opens in the production build, records and chain intact", async ({ page }) => {
  const dataDir = path.join(root, "from-dev");
  const cookie = await sessionCookieFor(USERS.mona, KNOWN_SECRETS.authSecret);
  const headers = { cookie };

  const dev = await startDashboard("dev", dataDir);
  let deniedId: number;
  try {
    await waitUntilServing(dev);
    const list = await fetch(`${dev.url}/api/orgs/acme/requests?per_page=1&direction=asc`, { headers });
    expect(list.status, dev.output()).toBe(200);
    deniedId = ((await list.json()) as ListPage<PatRequestRow>).items[0]!.id;
    const deny = await fetch(`${dev.url}/api/orgs/acme/requests/review`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", origin: dev.url, "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ ids: [deniedId], action: "deny", reason: "written by next dev" }),
    });
    expect(await deny.json()).toMatchObject({ accepted: 1 });
  } finally {
    await stop(dev);
  }

  const production = await startDashboard("start", dataDir);
  try {
    await waitUntilServing(production);
    const trail = (await (await fetch(`${production.url}/api/orgs/acme/audit?per_page=5`, { headers })).json()) as ListPage<AuditRecord>;
    expect(trail.items.map(({ targetId, reason, outcome }) => ({ targetId, reason, outcome }))).toEqual([
      { targetId: deniedId, reason: "written by next dev", outcome: "accepted" },
    ]);
    const verified = (await (await fetch(`${production.url}/api/orgs/acme/audit/verify`, { headers })).json()) as AuditChainVerification;
    // A job (one chunk) appends three links: its batch, its chunk's targets, their outcomes.
    expect(verified).toMatchObject({ ok: true, links: 3 });

    // The page reads the same folder while rendering (a layer of its own in the build).
    const [name, value] = cookie.split(/=(.*)/s) as [string, string];
    await page.context().addCookies([{ name, value, url: production.url }]);
    const response = await page.goto(`${production.url}/orgs/acme/audit`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("table", { name: "Audit trail" }).getByText("written by next dev")).toBeVisible();
    expect(production.output()).not.toMatch(/TypeError|Aborted\(|\[db\]/);
  } finally {
    await stop(production, "SIGTERM");
  }
});

test("a folder that cannot be opened stops start-up with one line saying what to do", async () => {
  const dataDir = path.join(root, "damaged");
  const first = await startDashboard("start", dataDir);
  try {
    await waitUntilServing(first);
  } finally {
    await stop(first, "SIGTERM");
  }
  // Its control file overwritten, as a failing disk or a bad copy would leave it.
  writeFileSync(path.join(dataDir, "global", "pg_control"), Buffer.alloc(8192, 0x5a));

  const second = await startDashboard("start", dataDir);
  const code = await new Promise<number | null>((resolve) => second.child.on("exit", resolve));
  expect(code).toBe(1);
  const lines = second.output().split("\n").filter((line) => line.startsWith("[db]"));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`[db] Grantdesk did not start: DATA_DIR ${dataDir} cannot be opened`);
  expect(lines[0]).toContain("npm run db:restore");
  expect(readFileSync(path.join(dataDir, "global", "pg_control")).every((byte) => byte === 0x5a)).toBe(true);
});
