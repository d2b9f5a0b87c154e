// What the requests and tokens specs both do with their page: find its table, read the ids it
// shows, open it settled, and fetch a page of the same list through Grantdesk's API.
import { expect, type Locator, type Page } from "@playwright/test";
import type { Page as ListPage } from "@/lib/contract/pat-rows";

export type PatResource = "requests" | "tokens";

const TABLE_NAME: Record<PatResource, string> = { requests: "Pending requests", tokens: "Active tokens" };
/** The URL parameter a row's link opens its detail panel with. */
const PANEL_PARAM: Record<PatResource, string> = { requests: "request", tokens: "token" };
const ROW_NOUN: Record<PatResource, string> = { requests: "request", tokens: "token" };

export function patTable(page: Page, resource: PatResource): Locator {
  return page.getByRole("table", { name: TABLE_NAME[resource] });
}

/** The ids the table shows, in order (each token name links to `?request=<id>` / `?token=<id>`). */
export async function shownPatIds(page: Page, resource: PatResource): Promise<number[]> {
  const links = await patTable(page, resource).getByRole("link", { name: new RegExp(`, open .+'s ${ROW_NOUN[resource]}$`) }).all();
  const hrefs = await Promise.all(links.map((link) => link.getAttribute("href")));
  return hrefs.map((href) => Number(new URLSearchParams(href?.split("?")[1]).get(PANEL_PARAM[resource])));
}

/** Opens row `id`'s detail panel from the keyboard (focus its link, Enter), checks the URL names it, and returns the panel. */
export async function openPanelByKeyboard(page: Page, resource: PatResource, id: number): Promise<Locator> {
  const link = patTable(page, resource).getByRole("link", { name: new RegExp(`, open .+'s ${ROW_NOUN[resource]}$`) }).first();
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]${PANEL_PARAM[resource]}=${id}(&|$)`));
  return page.getByRole("dialog");
}

/** Opens the org's page and waits until its rows are in and nothing is loading. */
export async function openPatList(page: Page, org: string, resource: PatResource, query = "") {
  await page.goto(`/orgs/${org}/${resource}${query}`);
  await expect(patTable(page, resource).getByRole("checkbox").first()).toBeVisible();
  await expect(patTable(page, resource)).toHaveAttribute("aria-busy", "false");
}

/** A page of the list as Grantdesk's API returns it (the browser's session comes along), read into rows. */
export async function listPatsViaApi<Row>(page: Page, org: string, resource: PatResource, query: string): Promise<ListPage<Row>> {
  const response = await page.request.get(`/api/orgs/${org}/${resource}?${query}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as ListPage<Row>;
}
