// Bulk jobs as an owner runs them: every token matching a filter, across pages, selected with
// "Select all that match", confirmed from the frozen count, revoked as one job followed in a
// panel — and what fake-github received is exactly those ids, each once. Then the job in the
// org's history and its records in the audit trail.
import type { Page } from "@playwright/test";
import type { StoredRecord } from "./fake-github-control";
import { expect, test } from "./fixtures";
import { openPatList, patTable } from "./pat-list-page";

const ORG = "acme";
const levels = (record: StoredRecord) => Object.values({ ...record.permissions.organization, ...record.permissions.repository, ...record.permissions.other });
const elevated = (record: StoredRecord) => levels(record).some((level) => level === "write" || level === "admin");

/** The ids of fake-github's POSTs to the revoke endpoint since `mark`, call by call. */
async function revokeCalls(fake: import("./fake-github-control").FakeGitHubControl, mark: number): Promise<number[][]> {
  const entries = await fake.requestsSince(mark);
  return entries
    .filter((entry) => entry.method === "POST" && entry.path === `/orgs/${ORG}/personal-access-tokens`)
    .map((entry) => (entry.body as { pat_ids: number[] }).pat_ids);
}

async function selectWholePage(page: Page) {
  await patTable(page, "tokens").getByRole("checkbox", { name: /^Select all .* on this page$/ }).check();
}

const expired = (record: StoredRecord) => record.tokenExpiresAt !== null && record.tokenExpiresAt <= Date.now();
const neverUsed = (record: StoredRecord) => record.tokenLastUsedAt === null;

/** Filters to try, narrowest last: the spec takes the first matching more than a page and at most 150 tokens. */
const CANDIDATES: { query: string; words: string; test: (record: StoredRecord) => boolean }[] = [
  { query: "signal=expired&signal=elevated", words: "expired; write or admin access", test: (record) => expired(record) && elevated(record) },
  { query: "signal=never-used&signal=elevated", words: "never used; write or admin access", test: (record) => neverUsed(record) && elevated(record) },
  { query: "signal=expired", words: "expired", test: expired },
  { query: "signal=never-used&signal=expired", words: "expired; never used", test: (record) => neverUsed(record) && expired(record) },
];

test("revokes every token matching a filter across pages as one job, and GitHub receives exactly those ids once", async ({ page, fake }) => {
  const active = await fake.records(ORG, "tokens", "active");
  const choice = CANDIDATES.map((candidate) => ({ ...candidate, truth: active.filter(candidate.test) })).find(({ truth }) => truth.length > 30 && truth.length <= 150);
  if (!choice) throw new Error(`no candidate filter matches 31–150 of ${ORG}'s ${active.length} tokens`);
  const { truth } = choice;
  const owners = new Set(truth.map((record) => record.ownerId)).size;

  await openPatList(page, ORG, "tokens", `?${choice.query}`);
  await expect(page.getByText(`${truth.length} tokens match`)).toBeVisible();
  await selectWholePage(page);
  const banner = page.getByRole("status").filter({ hasText: "on this page are selected" });
  await expect(banner).toContainText("All 30 tokens on this page are selected.");
  await banner.getByRole("button", { name: `Select all ${truth.length} that match` }).click();
  await expect(page.getByRole("status").filter({ hasText: `All ${truth.length} tokens that match are selected.` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Selection" })).toContainText(`${truth.length} tokens selected`);

  const mark = await fake.mark();
  await page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Revoke…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText(`Revoke ${truth.length} tokens from ${owners} ${owners === 1 ? "member" : "members"}`);
  await expect(dialog).toContainText(`Selected: active tokens: ${choice.words}.`);
  // Nothing is sent before the owner confirms: freezing the selection reads Grantdesk's inventory only.
  expect(await revokeCalls(fake, mark)).toEqual([]);
  await dialog.getByLabel(/Note/).fill("Elevated tokens rotated after the audit");
  const confirm = dialog.getByRole("button", { name: `Revoke ${truth.length}` });
  if (truth.length > 100) {
    // Above 100 the org's name is typed first.
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type ${ORG} to confirm`).fill("acm");
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type ${ORG} to confirm`).fill(ORG);
  }
  await confirm.click();

  // The job's panel follows it to the end.
  const panel = page.getByRole("dialog", { name: `active tokens: ${choice.words}` });
  await expect(panel.getByRole("status").first()).toContainText(`Revoked ${truth.length} of ${truth.length} tokens · Done`, { timeout: 30_000 });
  await expect(panel.getByRole("definition").first()).toHaveText(String(truth.length));

  const calls = await revokeCalls(fake, mark);
  expect(calls.flat().sort()).toEqual(truth.map((record) => record.id).sort());
  expect(new Set(calls.flat()).size).toBe(calls.flat().length);
  const stillActive = new Set((await fake.records(ORG, "tokens", "active")).map((record) => record.id));
  for (const record of truth) expect(stillActive.has(record.id)).toBe(false);

  // Every id's outcome, in the audit trail under the job's batch.
  await panel.getByRole("link", { name: "Every id's outcome in the audit trail" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${ORG}/audit\\?batch=[0-9a-f-]{36}$`));
  await expect(page.getByRole("status").filter({ hasText: "Showing one job's records" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Audit trail" }).getByRole("row")).toHaveCount(Math.min(truth.length, 30) + 1);

  // The org's history lists the job, and opens it again.
  await page.getByRole("navigation", { name: `${ORG} sections` }).getByRole("link", { name: "Jobs" }).click();
  const history = page.getByRole("table", { name: `Bulk jobs of ${ORG}, newest first` });
  const row = history.getByRole("row").filter({ hasText: `Revoked ${truth.length} tokens` }).first();
  await expect(row).toContainText("Done");
  await expect(row).toContainText(`${truth.length} accepted`);
  await row.getByRole("link", { name: `Revoked ${truth.length} tokens` }).click();
  await expect(page).toHaveURL(/[?&]job=[0-9a-f-]{36}/);
  await expect(page.getByRole("dialog")).toContainText("“Elevated tokens rotated after the audit”");
  await expect(page.getByRole("dialog").getByRole("status").first()).toContainText("Done");
});

test("a page's selection is not widened unless asked: the page's 30 rows are what is sent", async ({ page, fake }) => {
  await openPatList(page, ORG, "requests");
  const total = (await fake.records(ORG, "requests", "pending")).length;
  expect(total).toBeGreaterThan(30);
  await page.getByRole("table", { name: "Pending requests" }).getByRole("checkbox", { name: /^Select all .* on this page$/ }).check();
  await expect(page.getByRole("button", { name: `Select all ${total} that match` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Selection" })).toContainText("30 requests selected");
  // Unticking one row takes the offer away: the selection is the ticked rows again.
  await page.getByRole("table", { name: "Pending requests" }).getByRole("checkbox", { name: /^Select .*'s request for / }).first().uncheck();
  await expect(page.getByRole("button", { name: `Select all ${total} that match` })).toBeHidden();
  await expect(page.getByRole("region", { name: "Selection" })).toContainText("29 requests selected");
});
