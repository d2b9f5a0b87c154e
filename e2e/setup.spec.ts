// A fresh Grantdesk without a GitHub App, set up as an operator would: /setup → GitHub's
// app-creation page (fake-github's) → back with the code → install → sign in → a list, all
// without a restart or a hand edit. Then what must be refused: the same code twice, and setup
// once an app exists unless the operator token printed at start-up is given.
import { expect, test } from "@playwright/test";
import { extraAppUrl } from "./e2e-env";
import { startExtraStack, type ExtraStack } from "./extra-stack";
import { openPatList } from "./pat-list-page";

const APP_URL = extraAppUrl("setup");

let stack: ExtraStack;

test.describe.configure({ mode: "serial" });
test.use({ baseURL: APP_URL, storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  stack = await startExtraStack("setup", { appCredentials: false });
});

test.afterAll(async () => {
  await stack?.stop();
});

test("a fresh install creates its GitHub App through GitHub's manifest flow and uses it at once", async ({ page }) => {
  expect(stack.log()).toMatch(new RegExp(`no GitHub App configured: open ${APP_URL}/setup \\(operator token: [\\w-]{20,}\\)`));
  expect(await (await page.request.get("/api/ready")).json()).toEqual({ status: "ready", checks: { database: "ok", github: "not_configured" } });

  await page.goto("/signin");
  await expect(page.getByText("Grantdesk has no GitHub App yet.")).toBeVisible();
  await page.getByRole("link", { name: "Set it up" }).click();
  await expect(page.getByRole("heading", { name: "Create the GitHub App" })).toBeVisible();
  await page.getByLabel("Organization name").fill("acme");
  await page.getByRole("button", { name: "Create the GitHub App" }).click();

  // fake-github's page, as GitHub's: what will be created, and its confirm button.
  await expect(page.getByRole("heading", { name: "Create a GitHub App for acme" })).toBeVisible();
  expect(page.url()).toMatch(new RegExp(`^${stack.fake.url}/organizations/acme/settings/apps/new\\?state=[\\w-]{32}$`));
  await expect(page.getByText("organization_personal_access_token_requests: write, organization_personal_access_tokens: write, members: read")).toBeVisible();
  const backWithCode = page.waitForRequest((request) => request.url().startsWith(`${APP_URL}/api/setup/callback?`));
  await page.getByRole("button", { name: "Create GitHub App for acme" }).click();
  const callbackUrl = (await backWithCode).url();

  await expect(page.getByRole("status")).toHaveText("GitHub created the app, and Grantdesk now uses its credentials — no restart needed.");
  const created = (await stack.control.apps()).find((app) => app.slug !== "grantdesk")!;
  expect(created).toMatchObject({
    permissions: { organization_personal_access_token_requests: "write", organization_personal_access_tokens: "write", members: "read" },
    events: ["personal_access_token_request"],
    callbackUrls: [`${APP_URL}/api/auth/callback/github`],
    redirectUrl: `${APP_URL}/api/setup/callback`,
    setupUrl: `${APP_URL}/setup`,
    hook: { url: `${APP_URL}/api/github/webhooks`, active: true },
  });
  expect(stack.log()).toContain(`[setup] GitHub App ${created.id} (${created.slug}) created for acme and stored`);

  // From here on, every GitHub call is the new app's: the inventory may start its first sync as
  // soon as the app is installed, before anyone signs in.
  const mark = await stack.control.mark();
  await page.getByRole("link", { name: "Install the app on GitHub" }).click();
  await page.getByRole("button", { name: "Install on acme" }).click();
  await expect(page).toHaveURL(new RegExp(`^${APP_URL}/setup\\?installation_id=\\d+&setup_action=install`));
  await expect(page.getByRole("heading", { name: "The app is installed" })).toBeVisible();

  // Signing in goes through the new app's OAuth client; the list through its installation.
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByRole("button", { name: "Sign in as mona" }).click();
  await expect(page).toHaveURL(`${APP_URL}/orgs/acme/requests`);
  await openPatList(page, "acme", "requests");
  const authorize = (await stack.control.requestsSince(mark)).find((entry) => entry.path === "/login/oauth/authorize");
  expect(new URLSearchParams(authorize?.query).get("client_id")).toBe(created.clientId);
  // The new installation's org is synced into the inventory within seconds, and the rows shown.
  const listCalls = async () => (await stack.control.requestsSince(mark)).filter((entry) => entry.path === "/orgs/acme/personal-access-token-requests" && entry.status === 200);
  await expect.poll(async () => (await listCalls()).length, { timeout: 20_000 }).toBeGreaterThan(0);
  expect((await listCalls()).every((entry) => entry.auth === "installation" && entry.appId === created.id)).toBe(true);
  await expect(page.getByRole("table", { name: "Pending requests" }).getByRole("checkbox", { name: /^Select .*'s request for / }).first()).toBeVisible({ timeout: 20_000 });
  expect(await (await page.request.get("/api/ready")).json()).toEqual({ status: "ready", checks: { database: "ok", github: "ok" } });

  // GitHub's codes work once: the same answer from GitHub again is refused, saying why.
  await page.goto(callbackUrl);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("GitHub refused the code it sent back: each code works once, within an hour");
  expect((await stack.control.apps()).filter((app) => app.slug !== "grantdesk")).toHaveLength(1);
});

test("once set up, /setup opens only with the operator token printed at start-up", async ({ page }) => {
  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "Grantdesk is set up" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create the GitHub App" })).toHaveCount(0);

  // Posting the form anyway (from this origin) is refused before anything reaches GitHub.
  const mark = await stack.control.mark();
  const forced = await page.request.post("/api/setup/start", {
    headers: { origin: APP_URL },
    form: { owner_kind: "organization", org: "acme", manifest: "{}" },
    maxRedirects: 0,
  });
  expect(forced.status()).toBe(303);
  expect(forced.headers().location).toBe(`${APP_URL}/setup?notice=not_allowed`);
  expect(await stack.control.requestsSince(mark)).toEqual([]);

  await page.getByLabel("Operator token").fill("not-the-token");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That is not the operator token. It is printed in the server's log each time Grantdesk starts.");

  const token = /operator token: ([\w-]+)\)/.exec(stack.log())![1]!;
  await page.getByLabel("Operator token").fill(token);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("status")).toContainText("Operator token accepted");
  await expect(page.getByRole("button", { name: "Create the GitHub App" })).toBeVisible();
  await expect(page.getByText(/^Grantdesk uses Grantdesk 127\.0\.0\.1 \(app \d+\) now/)).toBeVisible();
});
