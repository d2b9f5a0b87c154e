import { expect, test } from "./fixtures";
import { MEMBER_STATE } from "./e2e-env";
import { signInAs } from "./sign-in";

test.describe("signing in", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("an owner of one org lands on it", async ({ page }) => {
    await signInAs(page, "octocat");
    await expect(page).toHaveURL(/\/orgs\/globex\/requests$/);
    await expect(page.getByRole("link", { name: "Requests" })).toHaveAttribute("aria-current", "page");
  });

  test("an owner of several orgs picks one", async ({ page }) => {
    await signInAs(page, "mona");
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await page.getByRole("link", { name: /acme/ }).click();
    await expect(page).toHaveURL(/\/orgs\/acme\/requests$/);
  });

  test("a deep link while signed out returns to the same page after sign-in", async ({ page }) => {
    await signInAs(page, "mona", "/orgs/globex/requests?direction=asc");
    await expect(page).toHaveURL(/\/orgs\/globex\/requests\?direction=asc$/);
  });

  test("signing out goes back to sign-in and ends the session", async ({ page }) => {
    await signInAs(page, "octocat");
    await expect(page).toHaveURL(/\/orgs\/globex\/requests$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/orgs/globex/requests");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Forgs%2Fglobex%2Frequests$/);
    expect((await page.request.get("/api/orgs/globex/requests")).status()).toBe(401);
  });
});

test.describe("a plain member", () => {
  test.use({ storageState: MEMBER_STATE });

  test("is told they are not an owner, and the API refuses them", async ({ page }) => {
    const response = await page.goto("/orgs/acme/requests");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You are not an owner of acme" })).toBeVisible();
    const api = await page.request.get("/api/orgs/acme/requests");
    expect(api.status()).toBe(403);
    expect(await api.json()).toEqual({ error: { code: "forbidden", message: expect.stringContaining("owner") } });
  });

  test("sees no organizations to pick", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "No organizations to manage" })).toBeVisible();
  });
});

test("an org where the app is not installed looks like one where you are not an owner", async ({ page }) => {
  const response = await page.goto("/orgs/initech/requests");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You are not an owner of initech" })).toBeVisible();
  const api = await page.request.get("/api/orgs/initech/requests");
  expect(api.status()).toBe(403);
  expect(await api.json()).toEqual({ error: { code: "forbidden", message: expect.stringContaining("not an owner of initech") } });
});
