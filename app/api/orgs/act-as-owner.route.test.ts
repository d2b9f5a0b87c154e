// ACT_AS=owner through the review and revoke routes against fake-github: the writes carry the
// owner's stored user token (the reads keep the installation token), a token GitHub refuses is
// renewed once — also when several writes find it expired at the same time — and a refused
// refresh answers `reauth_required` with every id recorded as not sent, never falling back to
// the app's token.

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { grantFromTokenAnswer, saveOwnerToken, userTokenFor } from "@/lib/auth/owner-tokens";
import type { AuditRecord } from "@/lib/contract/audit-record";
import type { BulkResult } from "@/lib/contract/bulk-result";
import type { Page } from "@/lib/contract/pat-rows";
import { db } from "@/lib/db/database";
import { ownerTokens } from "@/lib/db/schema";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { GET as trail } from "./[org]/audit/route";
import { POST as review } from "./[org]/requests/review/route";
import { GET as listRequests } from "./[org]/requests/route";
import { POST as revoke } from "./[org]/tokens/revoke/route";
import { GET as listTokens } from "./[org]/tokens/route";

const MONA = { id: 1001, login: "mona" };
let github: FakeGitHubEnv;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 21, applyDelayMs: 20 });
  vi.stubEnv("ACT_AS", "owner");
  await github.sync("acme");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await github?.close();
});

/** Signs `login` in on fake-github as next-auth would, and keeps the pair as the sign-in callback does. */
async function signInAndKeep(user = MONA) {
  const { fake } = github;
  const authorize = await fetch(`${fake.url}/login/oauth/authorize`, { method: "POST", body: new URLSearchParams({ client_id: fake.clientId, login: user.login }), redirect: "manual" });
  const code = new URL(authorize.headers.get("location")!).searchParams.get("code")!;
  const exchange = await fetch(`${fake.url}/login/oauth/access_token`, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: fake.clientId, client_secret: fake.clientSecret, code }),
  });
  await saveOwnerToken(user, grantFromTokenAnswer((await exchange.json()) as Record<string, unknown>, Date.now()));
}

const control = (path: string, body: unknown) =>
  fetch(`${github.fake.url}/_fake/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function pendingIds(count: number, offset = 0): Promise<number[]> {
  const { body } = await github.call(listRequests, "/api/orgs/acme/requests?per_page=100", { org: "acme" });
  return (body as Page<{ id: number }>).items.map((row) => row.id).slice(offset, offset + count);
}

const writes = async (since: number) => (await github.log(since)).filter((entry) => entry.method === "POST" && entry.path.startsWith("/orgs/acme/"));

beforeEach(async () => {
  await signInAndKeep();
});

describe("with ACT_AS=owner", () => {
  it("sends a deny with mona's user token, reads with the installation token, and records the owner as the identity", async () => {
    const ids = await pendingIds(2);
    const mark = await github.mark();
    const { status, body } = await github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, { ids, action: "deny", reason: "as mona" });
    expect(body).toMatchObject({ accepted: 2, failed: 0 });
    expect(status).toBe(200);
    const log = await github.log(mark);
    expect(await writes(mark)).toEqual([expect.objectContaining({ path: "/orgs/acme/personal-access-token-requests", status: 202, auth: "user", user: "mona" })]);
    expect(log.filter((entry) => entry.method === "GET").every((entry) => entry.auth !== "user")).toBe(true);

    const { body: records } = await github.call(trail, `/api/orgs/acme/audit?target=${ids[0]}`, { org: "acme" });
    expect((records as Page<AuditRecord>).items).toEqual([expect.objectContaining({ actedAs: "owner", actor: { login: "mona", id: 1001 }, outcome: "accepted" })]);
  });

  it("renews an expired token once with the refresh token, however many writes are waiting", async () => {
    await control("user-tokens/expire", { login: "mona" });
    const [first, second] = await pendingIds(2);
    const tokenIds = (await (await github.call(listTokens, "/api/orgs/acme/tokens?per_page=2", { org: "acme" })).body as Page<{ id: number }>).items.map((row) => row.id);
    const mark = await github.mark();
    const answers = await Promise.all([
      github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, { ids: [first], action: "deny" }),
      github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, { ids: [second], action: "approve" }),
      github.call(revoke, "/api/orgs/acme/tokens/revoke", { org: "acme" }, { ids: [tokenIds[0]] }),
    ]);
    expect(answers.map(({ body }) => (body as BulkResult).accepted)).toEqual([1, 1, 1]);
    const log = await github.log(mark);
    expect(log.filter((entry) => entry.path === "/login/oauth/access_token")).toHaveLength(1);
    // Each write was refused once with the old token at most, then sent with the new one.
    const sent = (await writes(mark)).filter((entry) => entry.status !== 401);
    expect(sent.map((entry) => [entry.auth, entry.user, entry.status])).toEqual([
      ["user", "mona", 204],
      ["user", "mona", 204],
      ["user", "mona", 204],
    ]);
  });

  it("lets callers that find the same token refused share one refresh (a refresh token works once)", async () => {
    const old = await userTokenFor(MONA.id);
    const mark = await github.mark();
    const renewed = await Promise.all([userTokenFor(MONA.id, { rejected: old }), userTokenFor(MONA.id, { rejected: old }), userTokenFor(MONA.id, { rejected: old })]);
    expect(new Set(renewed).size).toBe(1);
    expect(renewed[0]).not.toBe(old);
    expect((await github.log(mark)).filter((entry) => entry.path === "/login/oauth/access_token")).toHaveLength(1);
    // Asked again about the old token later, the newer one is simply handed out.
    expect(await userTokenFor(MONA.id, { rejected: old })).toBe(renewed[0]);
  });

  it("answers reauth_required when GitHub refuses the refresh too, records every id as not sent, and never uses the app's token", async () => {
    await control("user-tokens/expire", { login: "mona" });
    await control("user-tokens/revoke-refresh", { login: "mona" });
    const ids = await pendingIds(3);
    const mark = await github.mark();
    const { status, body } = await github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, { ids, action: "deny" });
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: "reauth_required", message: expect.stringContaining("Sign in again so Grantdesk can act as you") } });
    expect((await writes(mark)).map((entry) => [entry.status, entry.auth])).toEqual([[401, null]]);
    expect((await github.log(mark)).filter((entry) => entry.auth === "installation" && entry.method === "POST")).toEqual([]);
    expect((await github.record("acme", "requests", ids[0]!)).status).toBe("pending");
    // The pair GitHub refused is forgotten: the next action asks at once, sending nothing.
    expect(await (await db()).$count(ownerTokens)).toBe(0);
    await expect(userTokenFor(MONA.id)).rejects.toMatchObject({ code: "reauth_required" });

    const { body: records } = await github.call(trail, `/api/orgs/acme/audit?target=${ids[1]}`, { org: "acme" });
    expect((records as Page<AuditRecord>).items).toEqual([
      expect.objectContaining({ actedAs: "owner", outcome: "failed", code: "reauth_required", message: expect.stringMatching(/^Not sent: GitHub no longer accepts/) }),
    ]);
  });

  it("refuses before sending anything when the owner has no token kept (signed in before ACT_AS=owner)", async () => {
    await (await db()).delete(ownerTokens);
    const ids = ((await github.call(listTokens, "/api/orgs/acme/tokens?per_page=1", { org: "acme" })).body as Page<{ id: number }>).items.map((row) => row.id);
    const mark = await github.mark();
    const { status, body } = await github.call(revoke, "/api/orgs/acme/tokens/revoke", { org: "acme" }, { ids });
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: { code: "reauth_required" } });
    expect(await writes(mark)).toEqual([]);
  });

  it("keeps the tokens sealed: the database holds neither of them in clear", async () => {
    const rows = await (await db()).select().from(ownerTokens);
    expect(rows).toHaveLength(1);
    const token = await userTokenFor(MONA.id);
    expect(token).toMatch(/^ghu_/);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toMatch(/gh[ur]_/);
  });
});
