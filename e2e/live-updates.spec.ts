// Live updates end to end: a member asks for a token on (fake) GitHub, GitHub's signed webhook
// reaches the dashboard, and the requests table open in the browser shows the request — with its
// reason, which the webhook does not carry — without a reload. Then the same across two dashboard
// processes on one PostgreSQL: the one that receives the delivery is not the one the page is on.
import { randomBytes } from "node:crypto";
import { type Page } from "@playwright/test";
import { USERS } from "@/fake-github/world";
import { expectNoSeriousViolations } from "./axe";
import { FAKE_URL, extraAppUrl } from "./e2e-env";
import { startExtraStack, type ExtraStack } from "./extra-stack";
import type { FakeGitHubControl } from "./fake-github-control";
import { expect, test } from "./fixtures";
import { openPatList, patTable } from "./pat-list-page";
import { signInAs } from "./sign-in";
import { createPostgresDatabase as createDatabase, TEST_DATABASE_URL } from "@/test-support/postgres-database";

interface FakeDelivery {
  action: string | null;
  url: string | null;
  state: string;
  statusCode: number | null;
  responseBody: string | null;
  payload: { personal_access_token_request?: { id: number } };
}

/** fake-github's delivery of the `created` event of request `id`, once it has been answered. */
async function createdDelivery(fakeUrl: string, id: number): Promise<FakeDelivery> {
  let found: FakeDelivery | undefined;
  await expect
    .poll(async () => {
      const { deliveries } = (await (await fetch(`${fakeUrl}/_fake/deliveries?event=personal_access_token_request`)).json()) as { deliveries: FakeDelivery[] };
      found = deliveries.find((delivery) => delivery.action === "created" && delivery.payload.personal_access_token_request?.id === id);
      return found?.state;
    })
    .toBe("delivered");
  return found!;
}

/** Marks the document: a reload or navigation would lose the mark. */
const markDocument = (page: Page) => page.evaluate(() => Object.assign(window, { grantdeskNoReload: true }));
const documentKept = (page: Page) => page.evaluate(() => (window as unknown as { grantdeskNoReload?: boolean }).grantdeskNoReload === true);

async function requestAppearsLive(page: Page, fake: FakeGitHubControl, fakeUrl: string, tokenName: string, reason: string) {
  await expect(page.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible();
  await markDocument(page);
  const created = await fake.createRequest("acme", { owner: USERS.hubot.login, tokenName, reason });

  const row = patTable(page, "requests").getByRole("row").filter({ has: page.getByRole("link", { name: new RegExp(`^${tokenName}`) }) });
  // The periodic sync would take up to 10 s here (INVENTORY_REQUESTS_INTERVAL_SECONDS); the webhook is the way in.
  await expect(row).toBeVisible({ timeout: 8_000 });
  await expect(row).toContainText(reason);
  expect(await documentKept(page)).toBe(true);

  const delivery = await createdDelivery(fakeUrl, created.id);
  expect(delivery.statusCode).toBe(200);
  expect(JSON.parse(delivery.responseBody!)).toMatchObject({ outcome: "processed" });
  return { created, delivery };
}

test.describe("a new token request", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("appears in the open requests table without a reload, with its reason; the settings page says webhooks are on", async ({ page, fake }) => {
    await signInAs(page, "mona", "/orgs/acme/requests");
    await expect(page.getByLabel("Signed in as mona")).toBeVisible();
    await openPatList(page, "acme", "requests");
    const { delivery } = await requestAppearsLive(page, fake, FAKE_URL, "live-e2e-deployer", "Deploys the staging site from CI, needs contents:write");
    expect(delivery.url).toMatch(/\/api\/github\/webhooks$/);

    await page.getByRole("navigation", { name: "acme sections" }).getByRole("link", { name: "Settings" }).click();
    const webhooks = page.getByRole("region", { name: "Webhooks" });
    await expect(webhooks.getByRole("status")).toContainText("Webhooks: changes on GitHub reach Grantdesk as they happen. Last delivery received");
    await expect(webhooks).toContainText(/\/api\/github\/webhooks/);
    await expect(webhooks).not.toContainText("Periodic sync only");
    await expectNoSeriousViolations(page);
  });
});

test("the tabs of one browser share one event stream per org, and another tab takes it over when its tab closes", async ({ context, fake }) => {
  const streams: string[] = [];
  context.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/orgs/acme/events") streams.push(request.url());
  });
  const first = await context.newPage();
  await openPatList(first, "acme", "tokens");
  await expect(first.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible();
  const second = await context.newPage();
  await openPatList(second, "acme", "requests");
  await expect(second.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible();
  expect(streams).toHaveLength(1);

  // The first tab held the stream: closing it hands the stream to the second, which stays live.
  await first.close();
  await expect.poll(() => streams.length).toBe(2);
  await requestAppearsLive(second, fake, FAKE_URL, "handed-over-token", "Still live after the other tab closed");
});

test.describe("two dashboards on one PostgreSQL", () => {
  // Two processes sharing one database need a PostgreSQL server (PGlite is one process by
  // construction): `bash .ci/run` starts a throwaway one and sets TEST_DATABASE_URL, so CI runs this.
  test.skip(!TEST_DATABASE_URL, "needs PostgreSQL: TEST_DATABASE_URL is not set (bash .ci/run sets it; or see scripts/ci-postgres.sh)");
  test.describe.configure({ timeout: 180_000 });
  test.use({ baseURL: extraAppUrl("instanceA"), storageState: { cookies: [], origins: [] } });

  const stacks: ExtraStack[] = [];
  let database: { url: string; drop(): Promise<void> } | undefined;

  test.afterAll(async () => {
    for (const stack of stacks.reverse()) await stack.stop();
    await database?.drop();
  });

  test("a delivery received by one updates a page open on the other", async ({ page }) => {
    database = await createDatabase();
    const authSecret = randomBytes(32).toString("base64url");
    // Syncs are rare here: only the webhook (to A) and the events (through PostgreSQL) can bring the request to B in time.
    const env = { DATABASE_URL: database.url, INVENTORY_REQUESTS_INTERVAL_SECONDS: "600" };
    // fake-github delivers to A (its webhook URL is A's); B shares the deployment's GitHub and database.
    const a = await startExtraStack("instanceA", { env, authSecret });
    stacks.push(a);
    const b = await startExtraStack("instanceB", { sharedFake: a.fake, env, authSecret });
    stacks.push(b);

    // One session works on both (same secret, same database; the cookie is the host's, whatever the port).
    await signInAs(page, "mona", "/orgs/acme/requests");
    await expect(page.getByRole("table", { name: "Pending requests" })).toBeVisible();
    await page.goto(`${extraAppUrl("instanceB")}/orgs/acme/requests`);
    await expect(patTable(page, "requests").getByRole("checkbox").first()).toBeVisible({ timeout: 60_000 });

    const { delivery } = await requestAppearsLive(page, a.control, a.fake.url, "two-instance-token", "Reads the audit log for the SOC report");
    expect(delivery.url).toBe(`${extraAppUrl("instanceA")}/api/github/webhooks`);
    expect(b.log()).not.toContain("[webhooks]");
  });
});
