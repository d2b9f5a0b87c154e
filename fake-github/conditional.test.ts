// Conditional requests on the lists: an ETag on every page, 304 while the page is unchanged,
// and a new ETag (with the new rows) once something on it changed.

import { afterAll, beforeAll, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "./server";
import type { LogEntry } from "./request-log";
import { api, control, installationToken } from "./test-support";
import { ORGS } from "./world";

let fake: FakeGitHub;
let token: string;

beforeAll(async () => {
  fake = await startFakeGitHub({ seed: 3, requests: 40, tokens: 40 });
  token = await installationToken(fake, ORGS.acme.installationId);
});
afterAll(() => fake.close());

const LIST = "/orgs/acme/personal-access-tokens?per_page=5";

it("answers 304 without a body while the page is unchanged, and the new page once it changed", async () => {
  const first = await api(fake, token, LIST);
  const etag = first.headers.get("etag")!;
  expect(etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
  const rows = (await first.json()) as { id: number }[];

  for (const tag of [etag, etag.replace(/^W\//, ""), `"other", ${etag}`, "*"]) {
    const again = await api(fake, token, LIST, { headers: { "if-none-match": tag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
  }
  // Another page, or the same page under other filters, is another body.
  expect((await api(fake, token, `${LIST}&page=2`, { headers: { "if-none-match": etag } })).status).toBe(200);

  const revoke = await api(fake, token, `/orgs/acme/personal-access-tokens/${rows[0]!.id}`, { method: "POST", body: { action: "revoke" } });
  expect(revoke.status).toBe(204);
  const changed = await api(fake, token, LIST, { headers: { "if-none-match": etag } });
  expect(changed.status).toBe(200);
  expect(changed.headers.get("etag")).not.toBe(etag);
  expect(((await changed.json()) as { id: number }[]).map((row) => row.id)).not.toContain(rows[0]!.id);
});

it("still refuses a caller without access before looking at If-None-Match", async () => {
  const first = await api(fake, token, LIST);
  const refused = await api(fake, null, LIST, { headers: { "if-none-match": first.headers.get("etag")! } });
  expect(refused.status).toBe(401);
});

it("does not count a 304 against the rate limit, and logs the conditional request and its 304", async () => {
  const first = await api(fake, token, LIST);
  const etag = first.headers.get("etag")!;
  const used = Number(first.headers.get("x-ratelimit-used"));
  const notModified = await api(fake, token, LIST, { headers: { "if-none-match": etag } });
  expect(notModified.status).toBe(304);
  expect(Number(notModified.headers.get("x-ratelimit-used"))).toBe(used);
  expect(Number(notModified.headers.get("x-ratelimit-remaining"))).toBe(5_000 - used);
  const counted = await api(fake, token, LIST);
  expect(Number(counted.headers.get("x-ratelimit-used"))).toBe(used + 1);

  const { entries } = await control<{ entries: LogEntry[] }>(fake, "log");
  const [plain, conditional] = entries.slice(-3);
  expect(plain).toMatchObject({ status: 200, conditional: false, notModified: false, auth: "installation", installationId: ORGS.acme.installationId, user: null });
  expect(conditional).toMatchObject({ status: 304, conditional: true, notModified: true, auth: "installation" });
});

it("answers the other GETs with an ETag too, as GitHub does", async () => {
  const first = await api(fake, token, "/orgs/acme/memberships/mona");
  expect((await api(fake, token, "/orgs/acme/memberships/mona", { headers: { "if-none-match": first.headers.get("etag")! } })).status).toBe(304);
  await control(fake, "memberships", { org: "acme", username: "mona", role: "member" });
  expect((await api(fake, token, "/orgs/acme/memberships/mona", { headers: { "if-none-match": first.headers.get("etag")! } })).status).toBe(200);
});
