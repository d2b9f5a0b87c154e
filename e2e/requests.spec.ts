// The pending-requests page, driven as an owner would drive it, checked against what fake-github
// received (its request log) and what it holds afterwards (its state).
import type { Locator, Page } from "@playwright/test";
import type { Page as ListPage, PatRequestRow } from "@/lib/contract/pat-rows";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { listPatsViaApi, openPanelByKeyboard, openPatList, patTable, shownPatIds } from "./pat-list-page";

const ORG = "acme";
const GITHUB_LIST = `/orgs/${ORG}/personal-access-token-requests`;

const requestsTable = (page: Page): Locator => patTable(page, "requests");
const shownIds = (page: Page) => shownPatIds(page, "requests");
const openQueue = (page: Page, query = "") => openPatList(page, ORG, "requests", query);
const listViaApi = (page: Page, query: string) => listPatsViaApi<PatRequestRow>(page, ORG, "requests", query);

/** The owner of each shown row, read from its checkbox's name ("Select mona's request for …"). */
async function shownOwners(page: Page): Promise<string[]> {
  const boxes = await requestsTable(page).getByRole("checkbox", { name: /^Select .+'s request for / }).all();
  const names = await Promise.all(boxes.map((box) => box.getAttribute("aria-label")));
  return names.map((name) => /^Select (.+)'s request for /.exec(name ?? "")?.[1] ?? "");
}

test("filters by two owners and a permission across the whole org, in the URL, without asking GitHub", async ({ page, fake }) => {
  // Pick a permission some request has, its owner, and a second owner.
  const sample = await listViaApi(page, "per_page=100");
  const withPermission = sample.items.find((row) => Object.keys(row.permissions.repository).length > 0)!;
  const [name, level] = Object.entries(withPermission.permissions.repository)[0]!;
  const permission = `${name}_${level}`;
  const first = withPermission.owner.login;
  const second = sample.items.find((row) => row.owner.login !== first)!.owner.login;

  await openQueue(page);
  const mark = await fake.mark();

  await page.getByRole("button", { name: "Owner", exact: true }).click();
  const ownerInput = page.getByLabel(/^Owner \(\d+ of at most 10\)/);
  await ownerInput.fill(first);
  await ownerInput.press("Enter");
  await ownerInput.fill(second);
  await ownerInput.press("Enter");
  await expect(page.getByRole("list", { name: "Owner filter values" }).getByRole("listitem")).toHaveCount(2);
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: /^Permission/ }).click();
  await page.getByRole("combobox", { name: "Search permission" }).fill(permission);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(new RegExp(`[?&]owner=${first}&owner=${second}(&|$)`));
  await expect(page).toHaveURL(new RegExp(`[?&]permission=${permission}(&|$)`));
  await expect(page.getByRole("button", { name: /^Permission/ })).toContainText(`: ${level}`);

  // The API's answer read again at each try: a request made by an earlier spec may still reach the
  // inventory (a sync, a webhook) while this runs, and the page follows it live.
  const expectedIds = async () => (await listViaApi(page, `owner=${first}&owner=${second}&permission=${permission}&per_page=30`)).items.map((row) => row.id);
  expect((await expectedIds()).length).toBeGreaterThan(0);
  await expect.poll(async () => JSON.stringify(await shownIds(page)) === JSON.stringify(await expectedIds())).toBe(true);
  for (const owner of await shownOwners(page)) expect([first, second]).toContain(owner);

  // Answered from Grantdesk's inventory of the org: GitHub was never asked for the filtered list
  // (the scheduler's own re-sync may walk the unfiltered list meanwhile).
  const filtered = (query: string) => ["owner", "permission"].some((name) => new URLSearchParams(query).has(name));
  const upstream = (await fake.requestsSince(mark)).filter((entry) => entry.method === "GET" && entry.path === GITHUB_LIST && filtered(entry.query));
  expect(upstream).toEqual([]);
});

test("pages forward and back without overlap, in GitHub's order", async ({ page }) => {
  const [expectedFirst, expectedSecond] = await Promise.all([listViaApi(page, "page=1"), listViaApi(page, "page=2")]);
  await openQueue(page);
  const firstPage = await shownIds(page);
  expect(firstPage).toEqual(expectedFirst.items.map((row) => row.id));
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(/Page 1 of \d+/);

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect.poll(() => shownIds(page)).toEqual(expectedSecond.items.map((row) => row.id));
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(/Page 2 of \d+/);
  const secondPage = await shownIds(page);
  expect(secondPage).toHaveLength(30);
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);

  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect.poll(() => shownIds(page)).toEqual(firstPage);

  // The browser's history steps through pages too.
  await page.goBack();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect.poll(() => shownIds(page)).toEqual(secondPage);
});

test("opens a subset request and pages through its repositories", async ({ page }) => {
  const sample = await listViaApi(page, "per_page=100");
  let target: PatRequestRow | undefined;
  for (const row of sample.items.filter((item) => item.repositorySelection === "subset")) {
    const repositories = await page.request.get(`/api/orgs/${ORG}/requests/${row.id}/repositories?per_page=30`);
    if (((await repositories.json()) as ListPage<unknown>).hasNextPage) {
      target = row;
      break;
    }
  }
  expect(target, "a subset request with more than one page of repositories").toBeDefined();

  await page.goto(`/orgs/${ORG}/requests?per_page=100&request=${target!.id}`);
  const panel = page.getByRole("dialog", { name: target!.tokenName });
  await expect(panel).toBeVisible();
  const repositories = panel.getByRole("list", { name: "Repositories" });
  await expect(repositories.getByRole("listitem")).toHaveCount(30);
  const firstNames = await repositories.getByRole("link").allTextContents();

  await panel.getByRole("button", { name: "Next" }).click();
  await expect(panel.getByRole("navigation", { name: "Repository pages" })).toContainText("Page 2");
  await expect.poll(() => repositories.getByRole("link").allTextContents()).not.toEqual(firstNames);
  const secondNames = await repositories.getByRole("link").allTextContents();
  expect(secondNames.filter((name) => firstNames.includes(name))).toEqual([]);

  await panel.getByRole("button", { name: "Previous" }).click();
  await expect.poll(() => repositories.getByRole("link").allTextContents()).toEqual(firstNames);
});

test("has no serious accessibility violations: page, dialog and panel", async ({ page }) => {
  await openQueue(page);
  await expectNoSeriousViolations(page);

  await page.getByRole("checkbox", { name: "Select all requests on this page" }).check();
  await page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Deny…" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  await requestsTable(page).getByRole("link", { name: /, open .+'s request$/ }).first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("approves one request from its detail panel", async ({ page, fake }) => {
  await openQueue(page);
  const [id] = await shownIds(page);
  const mark = await fake.mark();

  const panel = await openPanelByKeyboard(page, "requests", id!);
  await panel.getByRole("button", { name: "Approve…" }).click();

  const confirm = page.getByRole("dialog", { name: /^Approve 1 request from / });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Approve", exact: true }).click();

  await expect(page.getByText("Approved 1 request.")).toBeVisible();
  await expect(page).not.toHaveURL(/[?&]request=/);
  await expect.poll(() => shownIds(page)).not.toContain(id);

  // One write for that id: GitHub's single review, or a bulk review naming only it.
  const writes = (await fake.requestsSince(mark)).filter((entry) => entry.method === "POST" && entry.path.startsWith(GITHUB_LIST));
  expect(writes).toHaveLength(1);
  const [write] = writes;
  const bulkIds = (write!.body as { pat_request_ids?: number[] }).pat_request_ids;
  expect(write!.path === `${GITHUB_LIST}/${id}` || (bulkIds?.length === 1 && bulkIds[0] === id)).toBe(true);
  await expect.poll(async () => (await fake.request(ORG, id!)).status).toBe("approved");
});

test("denies a selected page with a reason in one bulk call", async ({ page, fake }) => {
  await openQueue(page, "?direction=asc");
  const ids = await shownIds(page);
  const members = new Set(await shownOwners(page));
  const reason = "Please request read access only; write needs a security review.";
  const mark = await fake.mark();

  await page.getByRole("checkbox", { name: "Select all requests on this page" }).check();
  const actions = page.getByRole("region", { name: "Selection" });
  await expect(actions).toContainText(`${ids.length} requests selected`);
  await actions.getByRole("button", { name: "Deny…" }).click();

  const dialog = page.getByRole("dialog", { name: `Deny ${ids.length} requests from ${members.size} members` });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Reason/).fill(reason);
  await expect(dialog).toContainText(`${reason.length} / 1024`);
  await dialog.getByRole("button", { name: "Deny", exact: true }).click();

  await expect(page.getByText(`Denied ${ids.length} requests.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Selection" })).toBeHidden();
  // The button that opened the dialog left with the selection: focus goes to the table.
  await expect(page.getByRole("region", { name: "Pending requests" })).toBeFocused();

  const writes = (await fake.requestsSince(mark)).filter((entry) => entry.method === "POST" && entry.path.startsWith(GITHUB_LIST));
  expect(writes).toHaveLength(1);
  const body = writes[0]!.body as { pat_request_ids: number[]; action: string; reason: string };
  expect([...body.pat_request_ids].sort()).toEqual([...ids].sort());
  expect(body).toMatchObject({ action: "deny", reason });

  // GitHub applies a 202 shortly after answering: wait for it, then reload.
  await expect.poll(async () => (await fake.request(ORG, ids.at(-1)!)).status).toBe("denied");
  expect(await fake.request(ORG, ids[0]!)).toMatchObject({ status: "denied", reviewReason: reason });
  await page.reload();
  await expect(requestsTable(page).getByRole("checkbox").first()).toBeVisible();
  const after = await shownIds(page);
  expect(after).toHaveLength(30);
  expect(after.filter((id) => ids.includes(id))).toEqual([]);
});

test("keeps failed rows selected, with GitHub's reason, when a deny fails upstream", async ({ page, fake }) => {
  await openQueue(page);
  const [firstId, secondId] = await shownIds(page);
  const boxes = requestsTable(page).getByRole("checkbox", { name: /^Select .+'s request for / });
  await boxes.nth(0).check();
  await boxes.nth(1).check();

  await fake.setFaults([{ method: "POST", path: `^${GITHUB_LIST}`, status: 422, times: 1 }]);
  await page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Deny…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Deny 2 requests from / });
  await dialog.getByRole("button", { name: "Deny", exact: true }).click();

  await expect(dialog.getByRole("alert")).toBeVisible();
  await expect(page.getByText("2 requests failed.")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Deny…" })).toBeFocused();

  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).toBeChecked();
  await expect(requestsTable(page).getByText(/^Failed: /)).toHaveCount(2);
  expect(await shownIds(page)).toEqual(expect.arrayContaining([firstId, secondId]));
  expect((await fake.request(ORG, firstId!)).status).toBe("pending");
});
