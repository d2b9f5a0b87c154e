// Runs last (project "leak-check"): the build, the dashboard's log of the whole run and its
// responses must not contain any secret it was started with, nor any GitHub token.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { APP_KEY_FILE, DIST_DIR, EXTRA_STACKS, KNOWN_SECRETS, OWNER_STATE, RUN_DIR, SERVER_LOG } from "./e2e-env";

function secretNeedles(): Array<[string, string | RegExp]> {
  const keyLines = readFileSync(APP_KEY_FILE, "utf8")
    .split("\n")
    .filter((line) => line.length >= 40 && !line.startsWith("-----"));
  return [
    ["session secret", KNOWN_SECRETS.authSecret],
    ["OAuth client secret", KNOWN_SECRETS.clientSecret],
    ["webhook secret", KNOWN_SECRETS.webhookSecret],
    ["private key (first line)", keyLines[0]!],
    ["private key (middle line)", keyLines[Math.floor(keyLines.length / 2)]!],
    ["a PEM block", /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
    ["an installation token", /ghs_[A-Za-z0-9]{16,}/],
    ["a user token", /ghu_[A-Za-z0-9]{16,}/],
    ["a refresh token", /ghr_[A-Za-z0-9]{16,}/],
  ];
}

function findLeaks(where: string, text: string): string[] {
  return secretNeedles()
    .filter(([, needle]) => (typeof needle === "string" ? text.includes(needle) : needle.test(text)))
    .map(([name]) => `${name} in ${where}`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test("the client bundle holds no secret", () => {
  const files = filesUnder(path.join(DIST_DIR, "static"));
  expect(files.length).toBeGreaterThan(0);
  const leaks = files.flatMap((file) => findLeaks(file, readFileSync(file, "utf8")));
  expect(leaks).toEqual([]);
});

test("the dashboard's log of the whole run holds no secret", () => {
  const log = readFileSync(SERVER_LOG, "utf8");
  expect(log.length).toBeGreaterThan(0);
  expect(findLeaks("the server log", log)).toEqual([]);
});

// The dashboards specs started for themselves: set up from scratch (its app's key came from
// GitHub's conversion), ACT_AS=owner (owners' user and refresh tokens), the standalone server.
test("the other dashboards' logs hold no secret", () => {
  const logs = Object.keys(EXTRA_STACKS)
    .map((name) => path.join(RUN_DIR, `${name}.log`))
    .filter((file) => existsSync(file));
  expect(logs.length).toBeGreaterThan(0);
  expect(logs.flatMap((file) => findLeaks(file, readFileSync(file, "utf8")))).toEqual([]);
});

test.describe("responses", () => {
  test.use({ storageState: OWNER_STATE });

  const paths = [
    "/signin",
    "/setup",
    "/",
    "/orgs/acme/requests",
    "/orgs/initech/requests",
    "/api/orgs",
    "/api/orgs/acme/requests?per_page=100",
    "/api/orgs/acme/tokens?per_page=100",
    "/api/orgs/acme/requests?per_page=1000",
    "/api/orgs/initech/requests",
    "/api/orgs/acme/webhooks/status",
    "/orgs/acme/settings",
    "/api/auth/session",
    "/api/auth/providers",
    "/api/auth/csrf",
  ];

  for (const target of paths) {
    test(`GET ${target} holds no secret`, async ({ request }) => {
      const response = await request.get(target, { maxRedirects: 0 });
      const headers = JSON.stringify(response.headers());
      expect(findLeaks(`${target} (headers)`, headers)).toEqual([]);
      expect(findLeaks(`${target} (body)`, await response.text())).toEqual([]);
    });
  }
});
