// Malformed input to sign-in and to paths gets a clear 4xx, never a 5xx, and breaks nothing for
// the next request of the same browser.
import { APP_URL } from "./e2e-env";
import { FakeGitHubControl } from "./fake-github-control";
import { expect, test } from "./fixtures";
import { signInAs } from "./sign-in";

test.describe("sign-in endpoints", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("refuse a malformed JSON body with a 400 naming it", async ({ request }) => {
    const response = await request.post("/api/auth/signin/github", { headers: { "content-type": "application/json" }, data: Buffer.from("{bad") });
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "bad_request", message: "body: not valid JSON" } });
    const array = await request.post("/api/auth/signin/github", { headers: { "content-type": "application/json" }, data: Buffer.from("[1]") });
    expect(array.status()).toBe(400);
  });

  test("refuse an error code with CR/LF in it with a 400", async ({ request }) => {
    const response = await request.get("/api/auth/error?error=Callback%0d%0aSet-Cookie:%20x=1", { maxRedirects: 0 });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.code).toBe("bad_request");
    expect(response.headers()["set-cookie"] ?? "").not.toContain("x=1");
  });

  test("take a callbackUrl that is not a URL as the home page", async ({ request }) => {
    const response = await request.get("/api/auth/signin?callbackUrl=notaurl", { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toBe(`${APP_URL}/signin?callbackUrl=${encodeURIComponent(`${APP_URL}/`)}`);
    expect((await request.get("/api/auth/csrf?callbackUrl=notaurl")).status()).toBe(200);
  });

  test("a callback-url cookie that is not a URL does not break sign-in for that browser", async ({ page }) => {
    await page.context().addCookies([{ name: "next-auth.callback-url", value: "notaurl", url: APP_URL }]);
    expect((await page.request.get("/api/auth/csrf")).status()).toBe(200);
    await signInAs(page, "octocat");
    await expect(page).toHaveURL(/\/orgs\/globex\/requests$/);
    await expect(page.getByLabel("Signed in as octocat")).toBeVisible();
  });
});

test("pages still render for a browser carrying a callback-url cookie that is not a URL", async ({ page }) => {
  await page.context().addCookies([{ name: "next-auth.callback-url", value: "notaurl", url: APP_URL }]);
  for (const path of ["/orgs/acme/requests", "/orgs", "/orgs/initech/tokens"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
  }
  await expect(page.getByRole("heading", { name: "You are not an owner of initech" })).toBeVisible();
});

test.describe("paths", () => {
  test("an API path segment that does not decode is a 400", async ({ page }) => {
    const response = await page.request.get("/api/orgs/%E0%A4%A/tokens");
    expect(response.status()).toBe(400);
    expect((await response.json()).error.code).toBe("bad_request");
  });

  test("a page path segment that does not decode is a 404 page", async ({ page }) => {
    const response = await page.goto("/orgs/%E0%A4%A/tokens");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  });

  test("a prefetch cannot pass a path of its own to the not-found and forbidden pages", async ({ page }) => {
    for (const [path, status] of [
      ["/orgs/initech/requests", 403],
      ["/orgs/%E0%A4%A/tokens", 404],
    ] as const) {
      const response = await page.request.get(path, { headers: { purpose: "prefetch", "x-grantdesk-pathname": "/orgs/%E0%A4%A" } });
      expect(response.status(), path).toBe(status);
    }
  });

  test("a page or prefetch of an org Grantdesk does not know costs no GitHub call", async ({ page }) => {
    const github = new FakeGitHubControl();
    // Grantdesk's list of installations is filled (and the owner's own check cached) first.
    await page.request.get("/api/orgs");
    const mark = await github.mark();
    const probed = ["initech", "no-such-org-here", "zz-probe-1"];
    for (const org of probed) {
      for (const headers of [{}, { purpose: "prefetch" }, { "next-router-prefetch": "1" }] as Record<string, string>[]) {
        const response = await page.request.get(`/orgs/${org}/tokens`, { headers });
        expect(response.status(), `${org} ${JSON.stringify(headers)}`).toBe(403);
      }
      expect((await page.request.get(`/api/orgs/${org}/tokens`)).status()).toBe(403);
    }
    // The inventory's scheduled syncs of acme and globex may run meanwhile: only calls the probes could cause count.
    const caused = (await github.requestsSince(mark)).filter((entry) => probed.some((org) => entry.path.includes(org)) || /\/memberships\/|^\/app\/installations/.test(entry.path));
    expect(caused).toEqual([]);
  });
});
