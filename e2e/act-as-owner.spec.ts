// ACT_AS=owner: reviews go to GitHub with the signed-in owner's own user token (so GitHub's audit
// log names the person), renewed with the refresh token when it expires; when GitHub refuses the
// refresh too, the owner is sent to sign in again and nothing goes out under the app's token.
import { expect, test, type Page } from "@playwright/test";
import type { AuditRecord } from "@/lib/contract/audit-record";
import type { Page as ListPage } from "@/lib/contract/pat-rows";
import { extraAppUrl } from "./e2e-env";
import { startExtraStack, type ExtraStack } from "./extra-stack";
import { openPatList, patTable, shownPatIds } from "./pat-list-page";
import { signInAs } from "./sign-in";

const APP_URL = extraAppUrl("actAsOwner");
const GITHUB_REQUESTS = "/orgs/acme/personal-access-token-requests";

let stack: ExtraStack;

test.describe.configure({ mode: "serial" });
test.use({ baseURL: APP_URL, storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  stack = await startExtraStack("actAsOwner", { env: { ACT_AS: "owner" } });
});

test.afterAll(async () => {
  await stack?.stop();
});

/** Selects the first `count` rows of the queue and denies them through the dialog. */
async function denyFirst(page: Page, count: number): Promise<number[]> {
  await openPatList(page, "acme", "requests");
  const ids = (await shownPatIds(page, "requests")).slice(0, count);
  const boxes = patTable(page, "requests").getByRole("checkbox", { name: /^Select .+'s request for / });
  for (let index = 0; index < count; index++) await boxes.nth(index).check();
  await page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Deny…" }).click();
  await page.getByRole("dialog", { name: /^Deny / }).getByRole("button", { name: "Deny", exact: true }).click();
  return ids;
}

const writesIn = (entries: Awaited<ReturnType<ExtraStack["control"]["requestsSince"]>>) =>
  entries.filter((entry) => entry.method === "POST" && entry.path.startsWith(GITHUB_REQUESTS));

async function trail(page: Page): Promise<AuditRecord[]> {
  return ((await (await page.request.get("/api/orgs/acme/audit?per_page=100")).json()) as ListPage<AuditRecord>).items;
}

test("denies with mona's own token, and renews it with the refresh token once it expired", async ({ page }) => {
  await signInAs(page, "mona", "/orgs/acme/requests");

  let mark = await stack.control.mark();
  const denied = await denyFirst(page, 2);
  await expect(page.getByText("Denied 2 requests.")).toBeVisible();
  const [bulk, ...others] = writesIn(await stack.control.requestsSince(mark));
  expect(others).toEqual([]);
  expect(bulk).toMatchObject({ path: GITHUB_REQUESTS, status: 202, auth: "user", user: "mona", body: { pat_request_ids: expect.arrayContaining(denied), action: "deny" } });
  expect((await trail(page)).filter((record) => denied.includes(record.targetId))).toEqual([
    expect.objectContaining({ actedAs: "owner", actor: { login: "mona", id: 1001 }, outcome: "accepted" }),
    expect.objectContaining({ actedAs: "owner", actor: { login: "mona", id: 1001 }, outcome: "accepted" }),
  ]);

  // GitHub applies a 202 shortly after answering: the next deny must not pick these again.
  await expect.poll(async () => (await stack.control.request("acme", denied[1]!)).status).toBe("denied");

  // GitHub's 8 hours pass: the token is refused once, renewed with the refresh token, and the
  // write goes again with the new one (a 401 means GitHub did not take it, so nothing twice).
  expect(await stack.control.expireUserTokens("mona")).toMatchObject({ expired: 1 });
  mark = await stack.control.mark();
  const [next] = await denyFirst(page, 1);
  await expect(page.getByText("Denied 1 request.")).toBeVisible();
  const calls = await stack.control.requestsSince(mark);
  const writes = writesIn(calls);
  expect(writes.map(({ path, status, auth, user }) => ({ path, status, auth, user }))).toEqual([
    { path: `${GITHUB_REQUESTS}/${next}`, status: 401, auth: null, user: null },
    { path: `${GITHUB_REQUESTS}/${next}`, status: 204, auth: "user", user: "mona" },
  ]);
  const refresh = calls.find((entry) => entry.path === "/login/oauth/access_token");
  expect(refresh).toMatchObject({ status: 200, body: { grant_type: "refresh_token" } });
  expect(refresh!.seq).toBeGreaterThan(writes[0]!.seq);
  expect(refresh!.seq).toBeLessThan(writes[1]!.seq);
  expect((await stack.control.request("acme", next!)).status).toBe("denied");
  expect(calls.filter((entry) => entry.auth === "installation" && entry.method === "POST")).toEqual([]);

  // The trail says how GitHub saw each action.
  await page.goto("/orgs/acme/audit");
  const row = page.getByRole("row").filter({ hasText: `Request ${next}` });
  await expect(row).toContainText("mona");
  await expect(row).toContainText("with their own GitHub token");
});

test("a refused refresh sends the owner to sign in again, and nothing is sent with the app's token", async ({ page }) => {
  await signInAs(page, "mona", "/orgs/acme/requests");
  await stack.control.expireUserTokens("mona");
  await stack.control.revokeRefreshTokens("mona");

  const mark = await stack.control.mark();
  const [id] = await denyFirst(page, 1);
  await expect(page).toHaveURL(/\/signin\?reauth=1&callbackUrl=%2Forgs%2Facme%2Frequests/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "GitHub no longer accepts Grantdesk's access on your behalf, so nothing was sent. Sign in again so Grantdesk can act as you.",
  );
  const calls = await stack.control.requestsSince(mark);
  expect(writesIn(calls).map(({ status, auth }) => ({ status, auth }))).toEqual([{ status: 401, auth: null }]);
  expect(calls.filter((entry) => entry.auth === "installation" && entry.method === "POST")).toEqual([]);
  expect((await stack.control.request("acme", id!)).status).toBe("pending");
  const [record] = (await trail(page)).filter((entry) => entry.targetId === id);
  expect(record).toMatchObject({ actedAs: "owner", outcome: "failed", code: "reauth_required" });

  // Signing in again gets a new pair, and the same deny goes through as mona.
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByRole("button", { name: "Sign in as mona" }).click();
  await expect(page).toHaveURL(`${APP_URL}/orgs/acme/requests`);
  const again = await stack.control.mark();
  await denyFirst(page, 1);
  await expect(page.getByText("Denied 1 request.")).toBeVisible();
  expect(writesIn(await stack.control.requestsSince(again))).toEqual([expect.objectContaining({ status: 204, auth: "user", user: "mona" })]);
});
