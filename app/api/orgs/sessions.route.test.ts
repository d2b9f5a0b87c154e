// Sessions as the API routes see them: 8 hours from sign-in and not a second more, over once
// signed out (also for a copy of the cookie), and tied to a GitHub user id rather than a login.

import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USERS } from "@/fake-github/world";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { sessionCookieFor } from "@/test-support/session-cookie";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-claims";
import { revokeSession } from "@/lib/auth/session-revocations";
import { GET as listOrgs } from "./route";
import { GET as listRequests } from "./[org]/requests/route";

const SECRET = "route-tests-secret-route-tests-secret";
let github: FakeGitHubEnv;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 5 });
});

afterAll(async () => {
  await github?.close();
});

const now = () => Math.floor(Date.now() / 1000);

async function requestsWith(cookie: string) {
  const response = await listRequests(new NextRequest("http://grantdesk.test/api/orgs/acme/requests", { headers: { cookie } }), {
    params: Promise.resolve({ org: "acme" }),
  });
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

describe("a session", () => {
  it("works up to 8 hours after sign-in", async () => {
    const cookie = await sessionCookieFor(USERS.mona, SECRET, { signedInAt: now() - SESSION_MAX_AGE_SECONDS + 120 });
    expect((await requestsWith(cookie)).status).toBe(200);
  });

  it("is refused past 8 hours from sign-in, even though its cookie is still valid", async () => {
    const cookie = await sessionCookieFor(USERS.mona, SECRET, { signedInAt: now() - SESSION_MAX_AGE_SECONDS - 1 });
    expect(await requestsWith(cookie)).toEqual({ status: 401, body: { error: { code: "unauthorized", message: "Sign in to Grantdesk first." } } });
  });

  it("is refused when it lacks a sign-in time or id (a cookie from before sessions had them)", async () => {
    const { encode } = await import("next-auth/jwt");
    const old = { login: "mona", githubId: USERS.mona.id, sub: String(USERS.mona.id) };
    const token = await encode({ token: old as Parameters<typeof encode>[0]["token"] & object, secret: SECRET });
    expect((await requestsWith(`next-auth.session-token=${token}`)).status).toBe(401);
  });

  it("stops working once signed out, for every copy of its cookie", async () => {
    const sid = randomUUID();
    const signedInAt = now();
    const cookie = await sessionCookieFor(USERS.mona, SECRET, { sid, signedInAt });
    const copy = await sessionCookieFor(USERS.mona, SECRET, { sid, signedInAt });
    expect((await requestsWith(cookie)).status).toBe(200);
    await revokeSession({ login: "mona", githubId: USERS.mona.id, sid, signedInAt });
    expect((await requestsWith(cookie)).status).toBe(401);
    expect((await requestsWith(copy)).status).toBe(401);
    // Another sign-in of the same user is not affected.
    expect((await requestsWith(await sessionCookieFor(USERS.mona, SECRET))).status).toBe(200);
  });

  it("does not pass for another GitHub user holding the same login (a renamed account)", async () => {
    // Signed in as "mona" under another id: the login has since changed hands, and the
    // membership GitHub returns for "mona" belongs to user 1001, not to this session's user.
    const renamed = await sessionCookieFor({ login: "mona", id: 424_242 }, SECRET);
    expect(await requestsWith(renamed)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    const orgs = await listOrgs(new NextRequest("http://grantdesk.test/api/orgs", { headers: { cookie: renamed } }), { params: Promise.resolve({}) });
    expect(await orgs.json()).toEqual([]);
    expect((await requestsWith(await sessionCookieFor(USERS.mona, SECRET))).status).toBe(200);
  });
});
