// Sessions end when they should: on sign-out for every copy of the cookie, and 8 hours after
// sign-in however often the session is read in between.
import { sessionCookieFor } from "@/test-support/session-cookie";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-claims";
import { USERS } from "@/fake-github/world";
import { APP_URL, KNOWN_SECRETS } from "./e2e-env";
import { expect, test } from "./fixtures";
import { signInAs } from "./sign-in";

test.use({ storageState: { cookies: [], origins: [] } });

test("after signing out, a copy of the session cookie opens nothing", async ({ page, browser }) => {
  await signInAs(page, "octocat");
  await expect(page).toHaveURL(/\/orgs\/globex\/requests$/);
  const copied = (await page.context().cookies()).filter((cookie) => cookie.name.startsWith("next-auth.session-token"));
  expect(copied.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Someone who copied the cookie before sign-out (another browser, a stolen cookie jar).
  const elsewhere = await browser.newContext({ storageState: { cookies: copied, origins: [] } });
  try {
    const other = await elsewhere.newPage();
    expect((await other.request.get("/api/orgs/globex/requests")).status()).toBe(401);
    expect(await (await other.request.get("/api/auth/session")).json()).toEqual({});
    await other.goto("/orgs/globex/requests");
    await expect(other).toHaveURL(/\/signin\?callbackUrl=%2Forgs%2Fglobex/);
    await expect(other.getByRole("button", { name: "Sign in with GitHub" })).toBeVisible();
  } finally {
    await elsewhere.close();
  }

  // Signing in again in the first browser works as before.
  await signInAs(page, "octocat");
  await expect(page).toHaveURL(/\/orgs\/globex\/requests$/);
});

test("a session ends 8 hours after sign-in, even when read in between", async ({ page }) => {
  // Signed in 8 hours ago less 10 seconds: a few seconds of session left.
  const signedInAt = Math.floor(Date.now() / 1000) - SESSION_MAX_AGE_SECONDS + 10;
  const cookie = await sessionCookieFor(USERS.octocat, KNOWN_SECRETS.authSecret, { signedInAt });
  const [name, value] = cookie.split(/=(.*)/s) as [string, string];
  await page.context().addCookies([{ name, value, url: APP_URL, httpOnly: true, sameSite: "Lax" }]);

  // Reading the session re-issues the cookie (next-auth does), but must not move its end.
  const read = await page.request.get("/api/auth/session");
  expect((await read.json()).user).toMatchObject({ login: "octocat" });
  await page.goto("/orgs/globex/requests");
  await expect(page.getByLabel("Signed in as octocat")).toBeVisible();

  await page.waitForTimeout(Math.max(0, (signedInAt + SESSION_MAX_AGE_SECONDS) * 1000 - Date.now() + 1_500));
  expect((await page.request.get("/api/orgs/globex/requests")).status()).toBe(401);
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  await page.goto("/orgs/globex/tokens");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Forgs%2Fglobex%2Ftokens$/);
});
