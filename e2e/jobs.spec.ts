// Bulk jobs as an owner runs them: every token matching a filter, across pages, selected with
// "Select all that match", confirmed from the frozen count, revoked as one job followed in a
// panel — and what fake-github received is exactly those ids, each once. Then the job in the
// org's history and its records in the audit trail.
import type { Page } from "@playwright/test";
import type { StoredRecord } from "./fake-github-control";
import { expect, test } from "./fixtures";
import { openPatList, patTable } from "./pat-list-page";

const ORG = "acme";

/** The ids of fake-github's POSTs to the revoke endpoint since `mark`, call by call. */
async function revokeCalls(fake: import("./fake-github-control").FakeGitHubControl, mark: number): Promise<number[][]> {
  const entries = await fake.requestsSince(mark);
  return entries
    .filter((entry) => entry.method === "POST" && entry.path === `/orgs/${ORG}/personal-access-tokens`)
    .map((entry) => (entry.body as { pat_ids: number[] }).pat_ids);
}

/** As the pages write numbers: 1,199. */
const formatted = (count: number) => new Intl.NumberFormat("en").format(count);

async function selectWholePage(page: Page) {
  await patTable(page, "tokens").getByRole("checkbox", { name: /^Select all .* on this page$/ }).check();
}

const DAY_MS = 86_400_000;
// 180 days, not the page's 90-day button: tokens.spec still finds tokens unused for 90–180 days.
const unusedFor180Days = (record: StoredRecord) => record.tokenLastUsedAt !== null && record.tokenLastUsedAt < Date.now() - 180 * DAY_MS;

test("revokes every token unused for 180 days across pages as one job, and GitHub receives exactly those ids once", async ({ page, fake }) => {
  const truth = (await fake.records(ORG, "tokens", "active")).filter(unusedFor180Days);
  const owners = new Set(truth.map((record) => record.ownerId)).size;
  expect(truth.length).toBeGreaterThan(30);

  await openPatList(page, ORG, "tokens", "?unused_days=180");
  await expect(page.getByText(`${formatted(truth.length)} tokens match`)).toBeVisible();
  await selectWholePage(page);
  const banner = page.getByRole("status").filter({ hasText: "on this page are selected" });
  await expect(banner).toContainText("All 30 tokens on this page are selected.");
  await banner.getByRole("button", { name: `Select all ${formatted(truth.length)} that match` }).click();
  await expect(page.getByRole("status").filter({ hasText: `All ${formatted(truth.length)} tokens that match are selected.` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Selection" })).toContainText(`${formatted(truth.length)} tokens selected`);

  const mark = await fake.mark();
  await page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Revoke…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText(`Revoke ${truth.length} tokens from ${owners} ${owners === 1 ? "member" : "members"}`);
  await expect(dialog).toContainText("Selected: active tokens: unused for 180 days.");
  // Nothing is sent before the owner confirms: freezing the selection reads Grantdesk's inventory only.
  expect(await revokeCalls(fake, mark)).toEqual([]);
  await dialog.getByLabel(/Note/).fill("Unused for a quarter: cleaned up");
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
  const panel = page.getByRole("dialog", { name: "active tokens: unused for 180 days" });
  await expect(panel.getByRole("status").first()).toContainText(`Revoked ${formatted(truth.length)} of ${formatted(truth.length)} tokens · Done`, { timeout: 60_000 });
  await expect(panel.getByRole("definition").first()).toHaveText(formatted(truth.length));

  const calls = await revokeCalls(fake, mark);
  expect(calls.flat().sort()).toEqual(truth.map((record) => record.id).sort());
  expect(new Set(calls.flat()).size).toBe(calls.flat().length);
  // GitHub applies a revoke a moment after answering 202, as fake-github does.
  const truthIds = new Set(truth.map((record) => record.id));
  await expect.poll(async () => (await fake.records(ORG, "tokens", "active")).filter((record) => truthIds.has(record.id)).length).toBe(0);
  // GitHub took them in ⌈N/100⌉ bulk calls.
  expect(calls).toHaveLength(Math.ceil(truth.length / 100));

  // The table, read again when the job ended, no longer shows them.
  await panel.getByRole("button", { name: "Close" }).click();
  await expect(page.getByText("0 tokens match", { exact: true })).toBeVisible();
  await expect(page.getByText("No tokens match these filters")).toBeVisible();

  // Every id's outcome, in the audit trail under the job's batch (from the org's job history).
  await page.getByRole("navigation", { name: `${ORG} sections` }).getByRole("link", { name: "Jobs" }).click();
  await page.getByRole("table", { name: `Bulk jobs of ${ORG}, newest first` }).getByRole("link", { name: `Revoked ${formatted(truth.length)} tokens` }).first().click();
  await page.getByRole("dialog").getByRole("link", { name: "Every id's outcome in the audit trail" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${ORG}/audit\\?batch=[0-9a-f-]{36}$`));
  await expect(page.getByRole("status").filter({ hasText: "Showing one job's records" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Audit trail" }).getByRole("row")).toHaveCount(Math.min(truth.length, 30) + 1);

  // The org's history lists the job, and opens it again.
  await page.getByRole("navigation", { name: `${ORG} sections` }).getByRole("link", { name: "Jobs" }).click();
  const history = page.getByRole("table", { name: `Bulk jobs of ${ORG}, newest first` });
  const row = history.getByRole("row").filter({ hasText: `Revoked ${formatted(truth.length)} tokens` }).first();
  await expect(row).toContainText("Done");
  await expect(row).toContainText(`${formatted(truth.length)} accepted`);
  await row.getByRole("link", { name: `Revoked ${formatted(truth.length)} tokens` }).click();
  await expect(page).toHaveURL(/[?&]job=[0-9a-f-]{36}/);
  await expect(page.getByRole("dialog")).toContainText("“Unused for a quarter: cleaned up”");
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

test("cancels a job mid-way from its panel: the chunk in flight finishes and is recorded, no later chunk is sent", async ({ page, fake }) => {
  const truth = (await fake.records(ORG, "tokens", "active")).filter((record) => record.tokenExpiresAt === null);
  expect(truth.length).toBeGreaterThan(100);
  // GitHub holds each revoke for 3 s: the owner cancels while the first chunk is in flight.
  await fake.setFaults([{ method: "POST", path: `^/orgs/${ORG}/personal-access-tokens$`, latencyMs: 3_000 }]);

  await openPatList(page, ORG, "tokens", "?signal=no-expiry");
  await selectWholePage(page);
  await page.getByRole("button", { name: `Select all ${formatted(truth.length)} that match` }).click();
  const mark = await fake.mark();
  await page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Revoke…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(`Type ${ORG} to confirm`).fill(ORG);
  await dialog.getByRole("button", { name: `Revoke ${formatted(truth.length)}` }).click();

  const panel = page.getByRole("dialog", { name: "active tokens: no expiry" });
  await expect.poll(async () => (await revokeCalls(fake, mark)).length).toBe(1);
  await panel.getByRole("button", { name: "Cancel job" }).click();
  await expect(panel.getByRole("status").first()).toContainText("Cancelled", { timeout: 30_000 });
  await expect(panel.getByRole("status").first()).toContainText(`Revoked 100 of ${formatted(truth.length)} tokens`);
  await expect(panel.getByRole("definition").nth(1)).toHaveText(formatted(truth.length - 100));

  // Only the chunk in flight reached GitHub.
  const calls = await revokeCalls(fake, mark);
  expect(calls).toHaveLength(1);
  const stillActive = new Set((await fake.records(ORG, "tokens", "active")).map((record) => record.id));
  expect(truth.filter((record) => !stillActive.has(record.id)).map((record) => record.id).sort()).toEqual([...calls[0]!].sort());
});
