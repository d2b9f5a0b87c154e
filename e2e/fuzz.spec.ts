// Fuzzing over HTTP, through Next and proxy.ts, against the production build (the in-process
// share, over 10,000 calls, is app/api/fuzz.route.test.ts): pages, API routes and next-auth's
// endpoints with generated paths, methods, queries, bodies, headers and cookies. Never a 5xx;
// every refusal under /api is Grantdesk's JSON error (bar Next's bare 405 for a method a route
// does not have); no write reaches fake-github. The calls are made as bill-lumbergh, made an owner
// of globex for the run, so the per-user rate limits they run into hold up no other spec.
import fc from "fast-check";
import { USERS } from "../fake-github/world";
import { ERROR_STATUS, isServerErrorCode } from "../lib/contract/api-error";
import { anyString, contentType, extraHeaders, isSendableHeaderValue, queryString, rawBody, safeEncode } from "../test-support/fuzz-inputs";
import { sessionCookieFor } from "../test-support/session-cookie";
import { APP_URL, KNOWN_SECRETS } from "./e2e-env";
import { expect, test } from "./fixtures";

const RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 800);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const FUZZER = USERS.billLumbergh;

const API_PATHS = [
  "/api/orgs",
  "/api/jobs",
  "/api/orgs/{org}/requests",
  "/api/orgs/{org}/requests/facets",
  "/api/orgs/{org}/requests/review",
  "/api/orgs/{org}/requests/{id}/repositories",
  "/api/orgs/{org}/tokens",
  "/api/orgs/{org}/tokens/facets",
  "/api/orgs/{org}/tokens/revoke",
  "/api/orgs/{org}/tokens/{id}/repositories",
  "/api/orgs/{org}/audit",
  "/api/orgs/{org}/audit/export",
  "/api/orgs/{org}/audit/verify",
  "/api/orgs/{org}/inventory",
  "/api/orgs/{org}/inventory/sync",
  "/api/orgs/{org}/overview",
  "/api/orgs/{org}/rate-limit",
  "/api/orgs/{org}/jobs",
  "/api/orgs/{org}/jobs/{id}",
  "/api/orgs/{org}/jobs/{id}/cancel",
  "/api/orgs/{org}/jobs/drafts",
  "/api/orgs/{org}/jobs/drafts/{id}/confirm",
  "/api/{any}",
  "/api/orgs/{org}/{any}",
];
const AUTH_PATHS = ["/api/auth/signin", "/api/auth/signin/github", "/api/auth/callback/github", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/signout", "/api/auth/error", "/api/auth/_log", "/api/auth/{any}"];
const PAGE_PATHS = ["/", "/orgs", "/signin", "/orgs/{org}/requests", "/orgs/{org}/tokens", "/orgs/{org}/audit", "/orgs/{org}/jobs", "/orgs/{org}", "/{any}", "/orgs/{org}/{any}"];

/** A segment as it goes on the wire: percent-encoded, or raw bytes that are not valid encoding. */
const segment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("globex", "acme", "initech", "no-such-org", "GLOBEX") },
  { weight: 2, arbitrary: anyString.map((value) => safeEncode(value).slice(0, 300) || "x") },
  { weight: 1, arbitrary: fc.constantFrom("%E0%A4%A", "%", "%00", "%2e%2e", "..%2F..%2Fetc", "%C0%AF", "a%0d%0aSet-Cookie:x=1", "%25") },
);

const input = fc.record({
  family: fc.noBias(fc.integer({ min: 0, max: 99 })),
  template: fc.noBias(fc.nat()),
  org: segment,
  id: fc.oneof(fc.integer({ min: 1, max: 999_999 }).map(String), fc.uuid().map(String), segment),
  any: segment,
  method: fc.constantFrom("GET", "GET", "GET", "POST", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"),
  query: queryString,
  body: fc.option(rawBody, { nil: undefined }),
  contentType,
  who: fc.constantFrom("fuzzer", "fuzzer", "fuzzer", "garbage", "none"),
  garbage: anyString,
  callbackCookie: fc.option(anyString, { nil: undefined }),
  crossSite: fc.boolean(),
  extra: extraHeaders,
});

test.describe("fuzzing over HTTP", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test.setTimeout(240_000);

  test(`${RUNS} generated requests to pages, API routes and sign-in get no 5xx, and refusals in Grantdesk's shape`, async ({ playwright, fake }) => {
    test.info().annotations.push({ type: "seed", description: String(SEED) });
    await fake.setMembership("globex", FUZZER.login, "admin");
    const session = await sessionCookieFor(FUZZER, KNOWN_SECRETS.authSecret);
    // Its own context: no cookie jar (each call names its cookies) and no redirects followed.
    const request = await playwright.request.newContext({ baseURL: APP_URL, storageState: { cookies: [], origins: [] } });
    const mark = await fake.mark();
    const seen = new Map<number, number>();

    try {
      await fc.assert(
        fc.asyncProperty(input, async (fuzz) => {
          const templates = fuzz.family < 60 ? API_PATHS : fuzz.family < 80 ? AUTH_PATHS : PAGE_PATHS;
          const path = templates[fuzz.template % templates.length]!.replace("{org}", fuzz.org).replace("{id}", fuzz.id).replace("{any}", fuzz.any);
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(fuzz.extra)) if (isSendableHeaderValue(value) && name !== "host" && name !== "content-length") headers[name] = value;
          if (fuzz.body !== undefined && fuzz.contentType) headers["content-type"] = fuzz.contentType;
          headers.origin = fuzz.crossSite ? "https://evil.example" : APP_URL;
          const jar = [fuzz.who === "fuzzer" ? session : fuzz.who === "garbage" ? `next-auth.session-token=${safeEncode(fuzz.garbage)}` : ""];
          if (fuzz.callbackCookie !== undefined) jar.push(`next-auth.callback-url=${safeEncode(fuzz.callbackCookie)}`);
          if (jar.some(Boolean)) headers.cookie = jar.filter(Boolean).join("; ");

          const response = await request.fetch(`${path}${fuzz.query}`, {
            method: fuzz.method,
            headers,
            data: fuzz.body !== undefined && fuzz.method !== "GET" && fuzz.method !== "HEAD" ? Buffer.from(fuzz.body.bytes) : undefined,
            maxRedirects: 0,
            failOnStatusCode: false,
            timeout: 30_000,
          });
          const status = response.status();
          seen.set(status, (seen.get(status) ?? 0) + 1);
          const text = fuzz.method === "HEAD" ? "" : await response.text();
          const what = `${fuzz.method} ${path}${fuzz.query} → ${status} ${text.slice(0, 200)}`;
          expect(status, what).toBeLessThan(500);

          const ownRoute = path.startsWith("/api/") && !path.startsWith("/api/auth/");
          const refusal = status >= 400 && status !== 405 && fuzz.method !== "HEAD";
          const jsonError = /^application\/json/.test(response.headers()["content-type"] ?? "") && text.startsWith('{"error":');
          if (ownRoute && refusal) expect(jsonError, what).toBe(true);
          if (jsonError && refusal) {
            const { error } = JSON.parse(text) as { error: { code: string; message: string } };
            expect(isServerErrorCode(error.code) && ERROR_STATUS[error.code] === status && error.message.length > 0, what).toBe(true);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    } finally {
      await request.dispose();
      await fake.setMembership("globex", FUZZER.login, "member");
    }

    expect([...seen.values()].reduce((sum, count) => sum + count, 0)).toBe(RUNS);
    const writes = (await fake.requestsSince(mark)).filter((entry) => entry.method !== "GET" && entry.path.startsWith("/orgs/"));
    expect(writes).toEqual([]);
  });
});
