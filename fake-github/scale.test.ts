// A 100,000-token world still answers pages quickly. Timings are measured and printed, never
// asserted (the machine is shared); the assertions check the answers are right at that size.

import { afterAll, beforeAll, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { api, installationToken, parseLink } from "./test-support";
import { ORGS } from "./world";

const TOKENS = 100_000;
const REQUESTS = 5_000;

let fake: FakeGitHub;
let token: string;
let startupMs: number;

beforeAll(async () => {
  const started = performance.now();
  fake = await startFakeGitHub({ tokens: TOKENS, requests: REQUESTS });
  startupMs = performance.now() - started;
  token = await installationToken(fake, ORGS.acme.installationId);
});
afterAll(() => fake.close());

/** The median round trip of `runs` fetches of `path`, and the last answer. */
async function measure(path: string, runs = 15): Promise<{ medianMs: number; response: Response; rows: unknown[] }> {
  const times: number[] = [];
  let response!: Response;
  let rows: unknown[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    response = await api(fake, token, path);
    rows = (await response.json()) as unknown[];
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, response, rows };
}

it("serves filtered pages of a 100,000-token org quickly (timings printed, not asserted)", async () => {
  const cutoff = new Date(Date.now() - 90 * 86_400_000).toISOString();
  const cases = {
    "first page, no filter": "/orgs/acme/personal-access-tokens?per_page=100",
    "page 500 of 1000, asc": "/orgs/acme/personal-access-tokens?per_page=100&page=500&direction=asc",
    "permission=issues_write, page 3": "/orgs/acme/personal-access-tokens?per_page=100&permission=issues_write&page=3",
    "unused for 90+ days": `/orgs/acme/personal-access-tokens?per_page=100&last_used_before=${cutoff}`,
    "owner[] × 2 + permission": "/orgs/acme/personal-access-tokens?per_page=100&owner[]=mona&owner[]=hubot&permission=metadata_read",
    "repository + last used": `/orgs/acme/personal-access-tokens?per_page=100&repository=payments-api&last_used_after=${cutoff}`,
  };
  const report: Record<string, string> = { "start-up (world + server)": `${startupMs.toFixed(0)} ms` };
  for (const [name, path] of Object.entries(cases)) {
    const { medianMs, response, rows } = await measure(path);
    expect(response.status).toBe(200);
    expect(rows.length).toBeGreaterThan(0);
    report[name] = `${medianMs.toFixed(2)} ms median over 15 requests (${rows.length} rows)`;
  }
  console.info(`fake-github with ${TOKENS} tokens:\n${Object.entries(report).map(([name, value]) => `  ${name}: ${value}`).join("\n")}`);

  const first = await api(fake, token, "/orgs/acme/personal-access-tokens?per_page=100");
  expect(parseLink(first.headers.get("link")).last).toMatch(/[?&]page=1000$/);
});

/**
 * Walks every page of `path` at per_page=100 as the inventory sync does, following `next` links;
 * given the ETags of an earlier walk, it revalidates each page with If-None-Match instead.
 */
async function walk(path: string, etags?: string[]): Promise<{ ms: number; etags: string[]; notModified: number; bytes: number }> {
  const started = performance.now();
  const seen: string[] = [];
  let notModified = 0;
  let bytes = 0;
  for (let page = 1; ; page++) {
    const etag = etags?.[page - 1];
    const response = await api(fake, token, `${path}?per_page=100&page=${page}`, { headers: etag ? { "if-none-match": etag } : {} });
    if (response.status === 304) notModified++;
    else bytes += (await response.arrayBuffer()).byteLength;
    seen.push(response.headers.get("etag")!);
    if (etags ? page >= etags.length : !parseLink(response.headers.get("link")).next) break;
  }
  return { ms: performance.now() - started, etags: seen, notModified, bytes };
}

it("walks all pages of both lists, then revalidates them all with If-None-Match (figures printed)", { timeout: 300_000 }, async () => {
  const report: string[] = [];
  for (const path of ["/orgs/acme/personal-access-tokens", "/orgs/acme/personal-access-token-requests"]) {
    const before = Number((await api(fake, token, `${path}?per_page=1`)).headers.get("x-ratelimit-used"));
    const full = await walk(path);
    const revalidated = await walk(path, full.etags);
    const after = Number((await api(fake, token, `${path}?per_page=1`)).headers.get("x-ratelimit-used"));
    const pages = full.etags.length;
    expect(pages).toBe(Math.ceil((path.endsWith("requests") ? REQUESTS : TOKENS) / 100));
    expect(revalidated.notModified).toBe(pages);
    // The full walk and the probe after it counted; the 304s did not.
    expect(after - before).toBe(pages + 1);
    report.push(
      `  ${path}: ${pages} pages in ${full.ms.toFixed(0)} ms (${(full.ms / pages).toFixed(2)} ms/page, ${(full.bytes / 1_048_576).toFixed(1)} MB); ` +
        `revalidated, all 304, in ${revalidated.ms.toFixed(0)} ms (${(revalidated.ms / pages).toFixed(2)} ms/page)`,
    );
  }
  console.info(`fake-github walk at per_page=100, ${TOKENS} tokens / ${REQUESTS} requests:\n${report.join("\n")}`);
});
