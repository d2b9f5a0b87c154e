// The audit trail, driven as an owner would: deny two requests with a reason on the requests
// page, then find that action on the audit page by actor and export it.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import type { AuditRecord } from "@/lib/contract/audit-record";
import type { Page as ListPage } from "@/lib/contract/pat-rows";
import { parseCsv } from "@/test-support/parse-csv";
import { expectNoSeriousViolations } from "./axe";
import { OWNER } from "./e2e-env";
import { expect, test } from "./fixtures";

const ORG = "acme";

/** The request ids and token names the queue shows, in order (each token name links to `?request=<id>`). */
async function shownRequests(page: Page): Promise<{ id: number; tokenName: string }[]> {
  const links = await page.getByRole("table", { name: "Pending requests" }).getByRole("link", { name: /, open .+'s request$/ }).all();
  return Promise.all(
    links.map(async (link) => ({
      id: Number(new URLSearchParams((await link.getAttribute("href"))?.split("?")[1]).get("request")),
      tokenName: (await link.textContent())!.replace(/, open .+'s request$/, ""),
    })),
  );
}

test("deny two requests with a reason, then find the action by actor on the audit page and export it", async ({ page }) => {
  const reason = "Tokens for CI must come from the deploy app, not personal accounts.";

  await page.goto(`/orgs/${ORG}/requests`);
  const queue = page.getByRole("table", { name: "Pending requests" });
  await expect(queue).toHaveAttribute("aria-busy", "false");
  const denied = (await shownRequests(page)).slice(0, 2);
  const boxes = queue.getByRole("checkbox", { name: /^Select .+'s request for / });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Deny…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Deny 2 requests from / });
  await dialog.getByLabel(/^Reason/).fill(reason);
  await dialog.getByRole("button", { name: "Deny", exact: true }).click();
  await expect(page.getByText("Denied 2 requests.")).toBeVisible();

  // Find it on the audit page, by who did it.
  await page.getByRole("navigation", { name: `${ORG} sections` }).getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${ORG}/audit$`));
  await page.getByRole("button", { name: /^Actor/ }).click();
  const actorInput = page.getByLabel(/^Actor \(\d+ of at most 10\)/);
  await actorInput.fill(OWNER);
  await actorInput.press("Enter");
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(new RegExp(`[?&]actor=${OWNER}(&|$)`));

  const trail = page.getByRole("table", { name: "Audit trail" });
  await expect(trail).toHaveAttribute("aria-busy", "false");
  // Newest first: the two denials, in the order they were sent.
  const rows = trail.getByRole("row").filter({ hasText: /Request \d+/ });
  for (const [index, request] of denied.entries()) {
    const row = rows.nth(index);
    await expect(row).toContainText(`Request ${request.id}`);
    await expect(row).toContainText(request.tokenName);
    await expect(row).toContainText(OWNER);
    await expect(row).toContainText("Denied");
    await expect(row).toContainText(reason);
    await expect(row).toContainText("Accepted");
  }

  await expectNoSeriousViolations(page);

  // What the page's filter matches, as the API lists it: the export must hold exactly that.
  const listed = (await (await page.request.get(`/api/orgs/${ORG}/audit?actor=${OWNER}&per_page=100`)).json()) as ListPage<AuditRecord>;
  expect(listed.hasNextPage).toBe(false);
  expect(listed.items.slice(0, 2).map((record) => record.targetId)).toEqual(denied.map((request) => request.id));

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^grantdesk-audit-${ORG}-\\d{8}-\\d{6}\\.csv$`));
  const exported = parseCsv(await readFile((await download.path())!, "utf8"));

  expect(exported.map((row) => Number(row.target_id))).toEqual(listed.items.map((record) => record.targetId));
  expect(new Set(exported.map((row) => row.actor))).toEqual(new Set([OWNER]));
  const batch = listed.items[0]!.batchId;
  expect(exported.slice(0, 2)).toEqual(
    denied.map((request) =>
      expect.objectContaining({ batch, action: "deny", target_id: String(request.id), token_name: request.tokenName, reason, outcome: "accepted" }),
    ),
  );
});

test("a request's detail panel shows its own history, failures included", async ({ page, fake }) => {
  await page.goto(`/orgs/${ORG}/requests`);
  const queue = page.getByRole("table", { name: "Pending requests" });
  await expect(queue).toHaveAttribute("aria-busy", "false");
  const [request] = await shownRequests(page);
  await fake.setFaults([{ method: "POST", path: "^/orgs/acme/personal-access-token-requests/\\d+$", status: 422, times: 1 }]);

  await queue.getByRole("checkbox", { name: /^Select .+'s request for / }).first().check();
  await page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Deny…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Deny 1 request from / });
  await dialog.getByLabel(/^Reason/).fill("Scope it to one repository, please.");
  await dialog.getByRole("button", { name: "Deny", exact: true }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  await page.keyboard.press("Escape");

  await page.goto(`/orgs/${ORG}/requests?request=${request!.id}`);
  const panel = page.getByRole("dialog", { name: request!.tokenName });
  const history = panel.getByRole("list", { name: "History" });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText(new RegExp(`Denied\\s*by ${OWNER} through Grantdesk's app`));
  await expect(history).toContainText("Scope it to one repository, please.");
  await expect(history).toContainText("Failed · HTTP 422");
});

test("an owner verifies the trail's hash chain from the audit page", async ({ page }) => {
  await page.goto(`/orgs/${ORG}/audit`);
  await expect(page.getByRole("table", { name: "Audit trail" })).toHaveAttribute("aria-busy", "false");
  await page.getByRole("button", { name: "Verify trail" }).click();
  const status = page.getByRole("status").filter({ hasText: "Trail" });
  await expect(status).toContainText(/Trail intact: \d+ links? checked, nothing changed or removed\./);
  await expect(status).toContainText(/Head: [0-9a-f]{64}/);
  const result = (await (await page.request.get(`/api/orgs/${ORG}/audit/verify`)).json()) as { ok: boolean; links: number };
  expect(result.ok).toBe(true);
  await expect(status).toContainText(`${result.links} link`);
});
