// Behind a reverse proxy: whatever Host and X-Forwarded-* headers reach Grantdesk, every redirect
// it sends goes to APP_URL. A tiny proxy on 127.0.0.1, as nginx or a load balancer would, adds
// forwarded headers to each request it passes on.
import { createServer, request as forward, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { APP_PORT, APP_URL, FAKE_URL } from "./e2e-env";
import { expect, test } from "./fixtures";

let proxy: Server;
let proxyUrl: string;

test.beforeAll(async () => {
  proxy = createServer((incoming, outgoing) => {
    const upstream = forward(
      {
        host: "127.0.0.1",
        port: APP_PORT,
        method: incoming.method,
        path: incoming.url,
        headers: {
          ...incoming.headers,
          "x-forwarded-host": "grantdesk.proxy.example",
          "x-forwarded-proto": "https",
          "x-forwarded-for": "203.0.113.7",
          "x-forwarded-port": "443",
        },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
});

test.describe("signed out, through a proxy that sets forwarded headers", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  for (const path of ["/", "/orgs/acme/requests?owner=mona", "/orgs/acme/audit"]) {
    test(`${path} redirects to sign-in on APP_URL`, async ({ request }) => {
      const response = await request.get(`${proxyUrl}${path}`, { maxRedirects: 0 });
      expect(response.status()).toBe(307);
      expect(response.headers().location).toBe(`${APP_URL}/signin?callbackUrl=${encodeURIComponent(path)}`);
    });
  }

  test("next-auth's redirects and the OAuth callback URL come from APP_URL", async ({ request }) => {
    const signIn = await request.get(`${proxyUrl}/api/auth/signin?callbackUrl=%2Forgs%2Facme`, { maxRedirects: 0 });
    expect(signIn.headers().location).toBe(`${APP_URL}/signin?callbackUrl=${encodeURIComponent(`${APP_URL}/orgs/acme`)}`);

    const { csrfToken } = (await (await request.get(`${proxyUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
    const start = await request.post(`${proxyUrl}/api/auth/signin/github`, { form: { csrfToken, callbackUrl: "/orgs/acme" }, maxRedirects: 0 });
    const authorize = new URL(start.headers().location!);
    expect(authorize.origin).toBe(new URL(FAKE_URL).origin);
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${APP_URL}/api/auth/callback/github`);
  });
});

test("signed in, through the proxy, page redirects stay on APP_URL", async ({ page }) => {
  const response = await page.request.get(`${proxyUrl}/signin?callbackUrl=%2Forgs%2Facme%2Ftokens`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toBe(`${APP_URL}/orgs/acme/tokens`);
});
