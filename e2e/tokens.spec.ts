// The active-tokens page, driven as an owner would drive it, checked against what fake-github
// received (its request log) and what it holds afterwards (its state).
import type { Locator, Page } from "@playwright/test";
import type { PatTokenRow } from "@/lib/contract/pat-rows";
import type { FakeGitHubControl } from "./fake-github-control";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { listPatsViaApi, openPanelByKeyboard, openPatList, patTable, shownPatIds } from "./pat-list-page";

const ORG = "acme";
const GITHUB_TOKENS = `/orgs/${ORG}/personal-access-tokens`;
const DAY_MS = 24 * 60 * 60 * 1000;

const tokensTable = (page: Page): Locator => patTable(page, "tokens");
const shownIds = (page: Page) => shownPatIds(page, "tokens");
const openTokens = (page: Page, query = "") => openPatList(page, ORG, "tokens", query);
const listViaApi = (page: Page, query: string) => listPatsViaApi<PatTokenRow>(page, ORG, "tokens", query);

/** fake-github's stored grant (times in epoch ms). */
interface StoredGrant {
  status: "active" | "revoked";
  tokenLastUsedAt: number | null;
  repositoryIds: number[];
}

async function storedGrant(fake: FakeGitHubControl, id: number): Promise<StoredGrant> {
  return (await fake.token(ORG, id)) as unknown as StoredGrant;
}

/** The grant ids of GitHub revoke calls: the bulk endpoint's `pat_ids`, or the single endpoint's path id. */
function revokedIdsOf(entries: { method: string; path: string; body: unknown }[]): number[] {
  return entries
    .filter((entry) => entry.method === "POST" && entry.path.startsWith(GITHUB_TOKENS))
    .flatMap((entry) => (entry.path === GITHUB_TOKENS ? (entry.body as { pat_ids: number[] }).pat_ids : [Number(entry.path.split("/").at(-1))]));
}

/** Ticks every row of the page and confirms the revoke; resolves once GitHub's answer is shown. */
async function revokeWholePage(page: Page, count: number) {
  await tokensTable(page).getByRole("checkbox", { name: "Select all tokens on this page" }).check();
  const selection = page.getByRole("region", { name: "Selection" });
  await expect(selection).toContainText(`${count} tokens selected`);
  await selection.getByRole("button", { name: "Revoke…" }).click();
  const dialog = page.getByRole("dialog", { name: new RegExp(`^Revoke ${count} tokens from `) });
  await expect(dialog).toContainText("This cannot be undone.");
  await dialog.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Revoked ${count} tokens.`).first()).toBeVisible();
}

test("“Unused for 90 days” shows exactly the org's tokens last used more than 90 days ago", async ({ page, fake }) => {
  await openTokens(page);
  const filter = page.getByRole("group", { name: "Signals" }).getByRole("button", { name: /^Unused for 90 days/ });
  await filter.click();
  await expect(filter).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/[?&]unused_days=90(&|$)/);

  const truth = (await fake.records(ORG, "tokens", "active")).filter((record) => record.tokenLastUsedAt !== null && Date.now() - record.tokenLastUsedAt > 90 * DAY_MS);
  expect(truth.length).toBeGreaterThan(0);
  const expected = await listViaApi(page, "unused_days=90");
  expect((expected as typeof expected & { total: number }).total).toBe(truth.length);
  await expect.poll(() => shownIds(page)).toEqual(expected.items.map((row) => row.id));

  // Every row shown is one GitHub holds as unused for 90 days or more, and says so.
  const shown = await shownIds(page);
  for (const id of shown) {
    const lastUsed = (await storedGrant(fake, id)).tokenLastUsedAt;
    expect(lastUsed, `grant ${id} has been used`).not.toBeNull();
    expect(Date.now() - lastUsed!).toBeGreaterThanOrEqual(90 * DAY_MS);
  }
  await expect(tokensTable(page).getByText(/^Unused \d+ days$/)).toHaveCount(shown.length);
});

test("revokes a selection on page 1, then one on page 2: GitHub receives exactly those ids, each once", async ({ page, fake }) => {
  await openTokens(page, "?direction=asc");
  const mark = await fake.mark();

  const firstPage = await shownIds(page);
  expect(firstPage).toHaveLength(30);
  await revokeWholePage(page, firstPage.length);
  // The list converges once GitHub has applied the revoke: a full page of other tokens.
  await expect
    .poll(async () => {
      const ids = await shownIds(page);
      return ids.length === 30 && ids.every((id) => !firstPage.includes(id));
    })
    .toBe(true);

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(tokensTable(page)).toHaveAttribute("aria-busy", "false");
  const secondPage = await shownIds(page);
  expect(secondPage).toHaveLength(30);
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
  await revokeWholePage(page, secondPage.length);

  const sent = revokedIdsOf(await fake.requestsSince(mark));
  expect([...sent].sort()).toEqual([...firstPage, ...secondPage].sort());
  expect(new Set(sent).size).toBe(sent.length);

  await expect.poll(async () => (await storedGrant(fake, secondPage.at(-1)!)).status).toBe("revoked");
  for (const id of [...firstPage, ...secondPage]) expect((await storedGrant(fake, id)).status).toBe("revoked");
});

test("revokes one token from its detail panel", async ({ page, fake }) => {
  await openTokens(page);
  const [id] = await shownIds(page);
  const mark = await fake.mark();

  const panel = await openPanelByKeyboard(page, "tokens", id!);
  await expect(panel.getByRole("heading", { name: "Hygiene signals" })).toBeVisible();
  await panel.getByRole("button", { name: "Revoke…" }).click();

  const confirm = page.getByRole("dialog", { name: /^Revoke 1 token from / });
  await expect(confirm).toContainText("This cannot be undone.");
  await confirm.getByLabel(/^Note/).fill("Left the team in March");
  await confirm.getByRole("button", { name: "Revoke", exact: true }).click();

  await expect(page.getByText("Revoked 1 token.")).toBeVisible();
  await expect(page).not.toHaveURL(/[?&]token=/);
  await expect.poll(() => shownIds(page)).not.toContain(id);

  expect(revokedIdsOf(await fake.requestsSince(mark))).toEqual([id]);
  expect((await storedGrant(fake, id!)).status).toBe("revoked");
});

test("pages through a subset token's repositories", async ({ page, fake }) => {
  // The first token on GitHub's list that reaches more than one page (30) of repositories.
  let target: { row: PatTokenRow; page: number } | undefined;
  for (let listPage = 1; !target; listPage++) {
    const list = await listViaApi(page, `per_page=100&page=${listPage}`);
    for (const row of list.items.filter((item) => item.repositorySelection === "subset")) {
      if ((await storedGrant(fake, row.id)).repositoryIds.length > 30) {
        target = { row, page: listPage };
        break;
      }
    }
    if (!list.hasNextPage) break;
  }
  expect(target, "a subset token with more than one page of repositories").toBeDefined();

  await page.goto(`/orgs/${ORG}/tokens?per_page=100&page=${target!.page}&token=${target!.row.id}`);
  const panel = page.getByRole("dialog", { name: target!.row.tokenName });
  await expect(panel).toBeVisible();
  const repositories = panel.getByRole("list", { name: "Repositories" });
  await expect(repositories.getByRole("listitem")).toHaveCount(30);
  const firstNames = await repositories.getByRole("link").allTextContents();

  await panel.getByRole("button", { name: "Next" }).click();
  await expect(panel.getByRole("navigation", { name: "Repository pages" })).toContainText("Page 2");
  await expect.poll(() => repositories.getByRole("link").allTextContents()).not.toEqual(firstNames);
  const secondNames = await repositories.getByRole("link").allTextContents();
  expect(secondNames.length).toBeGreaterThan(0);
  expect(secondNames.filter((name) => firstNames.includes(name))).toEqual([]);

  await panel.getByRole("button", { name: "Previous" }).click();
  await expect.poll(() => repositories.getByRole("link").allTextContents()).toEqual(firstNames);
});

test("waits out a secondary rate limit during a revoke, showing it is waiting, then succeeds", async ({ page, fake }) => {
  await openTokens(page);
  const id = (await shownIds(page))[1]!;
  await fake.setFaults([{ method: "POST", path: `^${GITHUB_TOKENS}`, kind: "secondary-rate-limit", retryAfter: 3, times: 1 }]);
  const mark = await fake.mark();

  await tokensTable(page).getByRole("button", { name: /^Revoke .+'s token / }).nth(1).click();
  const dialog = page.getByRole("dialog", { name: /^Revoke 1 token from / });
  await dialog.getByRole("button", { name: "Revoke", exact: true }).click();

  await expect(dialog.getByRole("button", { name: "Revoking…" })).toBeDisabled();
  await expect(dialog.getByRole("status")).toContainText("Waiting for GitHub's rate limit");
  await expect(page.getByText("Revoked 1 token.")).toBeVisible();
  await expect(dialog).toBeHidden();

  // GitHub refused the first attempt (so it changed nothing) and accepted the one after the wait.
  const writes = (await fake.requestsSince(mark)).filter((entry) => entry.method === "POST" && entry.path.startsWith(GITHUB_TOKENS));
  expect(writes.map((entry) => entry.status)).toEqual([403, 204]);
  expect(revokedIdsOf(writes)).toEqual([id, id]);
  expect((await storedGrant(fake, id)).status).toBe("revoked");
});

test("has no serious accessibility violations: page, dialog and panel", async ({ page }) => {
  await openTokens(page);
  await expectNoSeriousViolations(page);

  await tokensTable(page).getByRole("checkbox", { name: "Select all tokens on this page" }).check();
  await page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Revoke…" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  await tokensTable(page).getByRole("link", { name: /, open .+'s token$/ }).first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousViolations(page);
});
