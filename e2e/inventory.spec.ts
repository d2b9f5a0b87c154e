// The org-wide inventory, as an owner uses it: hygiene filters across the whole org (counts equal
// to what fake-github holds), combined filters, search, a token revoked outside Grantdesk leaving
// after a refresh and staying as history, a new request arriving with the next sync, and the
// overview's numbers for two orgs.
import type { Page } from "@playwright/test";
import type { CountedPage } from "@/lib/contract/inventory";
import type { PatTokenRow } from "@/lib/contract/pat-rows";
import { USERS } from "@/fake-github/world";
import type { FakeGitHubControl, StoredRecord } from "./fake-github-control";
import { expect, test } from "./fixtures";
import { openPatList, patTable, shownPatIds } from "./pat-list-page";

const ORG = "acme";
const now = () => Date.now();
const expired = (record: StoredRecord) => record.tokenExpiresAt !== null && record.tokenExpiresAt <= now();
const levels = (record: StoredRecord) => Object.values({ ...record.permissions.organization, ...record.permissions.repository, ...record.permissions.other });
const elevated = (record: StoredRecord) => levels(record).some((level) => level === "write" || level === "admin");

/** Every id the API lists for the query, page by page (100 a page), with the total it reports. */
async function everyId(page: Page, kind: "requests" | "tokens", query: string): Promise<{ ids: number[]; total: number }> {
  const ids: number[] = [];
  let total = -1;
  for (let number = 1; ; number++) {
    const response = await page.request.get(`/api/orgs/${ORG}/${kind}?${query}&per_page=100&page=${number}`);
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as CountedPage<PatTokenRow>;
    total = body.total;
    ids.push(...body.items.map((row) => row.id));
    if (!body.hasNextPage) return { ids, total };
  }
}

/** Syncs both lists now (the Refresh button) and waits until the freshness line says it is done. */
async function refresh(page: Page) {
  const freshness = page.getByRole("status").filter({ hasText: /Synced|Syncing|synced/ }).first();
  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(freshness).toContainText(/Synced (just now|\d+ seconds? ago)/, { timeout: 20_000 });
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
/** As the pages write numbers: 1,199. */
const formatted = (count: number) => new Intl.NumberFormat("en").format(count);

async function activeTokens(fake: FakeGitHubControl) {
  return fake.records(ORG, "tokens", "active");
}

test("filters tokens by “Expired” across the whole org: the count and every row are fake-github's", async ({ page, fake }) => {
  await openPatList(page, ORG, "tokens");
  const truth = (await activeTokens(fake)).filter(expired);
  expect(truth.length).toBeGreaterThan(30);

  await page.getByRole("group", { name: "Signals" }).getByRole("button", { name: /^Expired/ }).click();
  await expect(page).toHaveURL(/[?&]signal=expired(&|$)/);
  await expect(page.getByText(`${formatted(truth.length)} tokens match`)).toBeVisible();
  const { ids, total } = await everyId(page, "tokens", "signal=expired");
  expect(total).toBe(truth.length);
  expect(sorted(ids)).toEqual(sorted(truth.map((record) => record.id)));

  // Every page of it holds expired tokens only.
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  const shown = await shownPatIds(page, "tokens");
  expect(shown.length).toBeGreaterThan(0);
  for (const id of shown) expect(truth.map((record) => record.id)).toContain(id);
});

test("combines “No expiry”, “Write or admin” and an owner, with counts for each signal", async ({ page, fake }) => {
  const truth = (await activeTokens(fake)).filter((record) => record.tokenExpiresAt === null && elevated(record) && record.ownerId === USERS.mona.id);
  expect(truth.length).toBeGreaterThan(0);
  await openPatList(page, ORG, "tokens", `?signal=no-expiry&signal=elevated&owner=${USERS.mona.login}`);
  await expect(page.getByText(`${truth.length} ${truth.length === 1 ? "token matches" : "tokens match"}`)).toBeVisible();
  expect(sorted(await shownPatIds(page, "tokens"))).toEqual(sorted(truth.map((record) => record.id)).slice(0, 30));
  // Each chip counts the matches that also have its signal: here every match has no expiry.
  await expect(page.getByRole("button", { name: new RegExp(`^No expiry: ${truth.length}$`) })).toBeVisible();
});

test("searches token names and owners", async ({ page, fake }) => {
  const tokens = await activeTokens(fake);
  const word = tokens[0]!.tokenName.slice(0, 5);
  await openPatList(page, ORG, "tokens");
  await page.getByRole("searchbox", { name: "Search" }).fill(word);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(word)}(&|$)`));
  const owners = Object.values(USERS);
  const truth = tokens.filter(
    (record) => record.tokenName.toLowerCase().includes(word.toLowerCase()) || (owners.find((user) => user.id === record.ownerId)?.login.toLowerCase().includes(word.toLowerCase()) ?? false),
  );
  const { total } = await everyId(page, "tokens", `q=${encodeURIComponent(word)}`);
  expect(total).toBeGreaterThanOrEqual(truth.length);
  await expect(page.getByText(new RegExp(`^${total} tokens? match`))).toBeVisible();
  for (const row of await patTable(page, "tokens").getByRole("link", { name: /, open .+'s token$/ }).allTextContents()) {
    expect(row.toLowerCase()).toContain(word.toLowerCase());
  }
});

test("a token revoked on GitHub leaves the table after a refresh, and stays as history", async ({ page, fake }) => {
  await openPatList(page, ORG, "tokens");
  const [id] = await shownPatIds(page, "tokens");
  await fake.revokeToken(ORG, id!);
  await refresh(page);
  await expect.poll(() => shownPatIds(page, "tokens")).not.toContain(id);

  await page.getByRole("group", { name: "Show" }).getByRole("button", { name: "Gone (history)" }).click();
  await expect(page).toHaveURL(/[?&]state=gone(&|$)/);
  const row = patTable(page, "tokens").getByRole("row").filter({ has: page.locator(`a[href*="token=${id}"]`) });
  await expect(row).toContainText("Revoked on GitHub");
  await row.getByRole("link", { name: /, open .+'s token$/ }).click();
  const panel = page.getByRole("dialog");
  await expect(panel).toContainText("GitHub no longer lists it: revoked on github");
  await expect(panel.getByRole("button", { name: "Revoke…" })).toHaveCount(0);
});

test("a request made on GitHub appears with the next sync, without a reload", async ({ page, fake }) => {
  await openPatList(page, ORG, "requests");
  const created = await fake.createRequest(ORG, { owner: USERS.hubot.login, tokenName: "e2e-nightly-backup", reason: "Nightly backups of the wiki" });
  // Requests are synced every 10 s in this run; the page re-reads its list when a sync ends.
  await expect(patTable(page, "requests").getByRole("link", { name: /^e2e-nightly-backup/ })).toBeVisible({ timeout: 30_000 });
  expect(await shownPatIds(page, "requests")).toContain(created.id);
});

test("the overview's numbers are fake-github's, for both orgs", async ({ page, fake }) => {
  await page.goto("/orgs");
  for (const org of ["acme", "globex"]) {
    const tokens = await fake.records(org, "tokens", "active");
    const pending = (await fake.counts(org)).pendingRequests;
    const card = page.getByRole("region", { name: org });
    const figure = (label: string, count: number) => expect(card.getByRole("link", { name: new RegExp(`^${formatted(count)}\\s*${label}`) })).toBeVisible();
    await figure("Pending requests", pending);
    await figure("Active tokens", tokens.length);
    await figure("Expired", tokens.filter(expired).length);
    await figure("No expiry", tokens.filter((record) => record.tokenExpiresAt === null).length);
    await figure("Write or admin", tokens.filter(elevated).length);
  }
  await page.getByRole("region", { name: "acme" }).getByRole("link", { name: /^[\d,]+\s*Expired$/ }).click();
  await expect(page).toHaveURL(/\/orgs\/acme\/tokens\?signal=expired$/);
});
