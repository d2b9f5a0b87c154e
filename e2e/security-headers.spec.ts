import { expect, test } from "./fixtures";

const BASE_HEADERS = {
  "referrer-policy": "same-origin",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
};

test.describe("security headers", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("pages get a nonce CSP without unsafe-eval that forbids framing", async ({ request }) => {
    const response = await request.get("/signin");
    const headers = response.headers();
    expect(headers).toMatchObject(BASE_HEADERS);
    expect(headers["permissions-policy"]).toContain("camera=()");
    const csp = headers["content-security-policy"]!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    // A fresh nonce on every response.
    const again = (await request.get("/signin")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);
  });

  test("API answers, redirects, 404s and build assets carry them too", async ({ request, page }) => {
    await page.goto("/signin");
    const script = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
    const targets = ["/api/orgs", "/api/orgs/acme/requests", "/orgs/acme/requests", "/no-such-page", script!];
    for (const target of targets) {
      const response = await request.get(target, { maxRedirects: 0 });
      const headers = response.headers();
      expect({ target, ...headers }).toMatchObject({ target, ...BASE_HEADERS });
      expect(headers["content-security-policy"], target).toContain("frame-ancestors 'none'");
    }
  });
});
