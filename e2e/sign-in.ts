import { expect, type Page } from "@playwright/test";

/** Signs in through fake-github's OAuth page, as a person would, starting from `startPath`. */
export async function signInAs(page: Page, login: string, startPath = "/") {
  await page.goto(startPath);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByRole("button", { name: `Sign in as ${login}` }).click();
}
