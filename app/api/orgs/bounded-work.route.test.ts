// Bounded work for every caller: an org Grantdesk does not know costs no GitHub call and is
// answered exactly as a non-owner is, in about the same time; the list of orgs comes from
// Grantdesk's own list of installations, not from GitHub on every call.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { GET as listJobs } from "../jobs/route";
import { GET as listTokens } from "./[org]/tokens/route";
import { POST as revoke } from "./[org]/tokens/revoke/route";
import { GET as listOrgs } from "./route";

/** Every GitHub call fake-github answers takes at least this long here, as over the internet. */
const LATENCY_MS = 120;
let github: FakeGitHubEnv;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 11 });
  await github.control("config", { latencyMs: LATENCY_MS });
});

afterAll(async () => {
  await github?.close();
});

const timed = async <T>(call: () => Promise<T>) => {
  const started = performance.now();
  const answer = await call();
  return { answer, ms: performance.now() - started };
};

describe("the list of orgs", () => {
  it("is read from GitHub once, into the database, and then never again on a call", async () => {
    const first = await github.call(listOrgs, "/api/orgs", {});
    expect(first.body.map((org: { login: string }) => org.login)).toEqual(["acme", "globex"]);
    const installationLists = (await github.log()).filter((entry) => entry.path === "/app/installations");
    expect(installationLists).toHaveLength(1);

    const mark = await github.mark();
    for (let call = 0; call < 5; call++) {
      expect((await github.call(listOrgs, "/api/orgs", {})).status).toBe(200);
      expect((await github.call(listJobs, "/api/jobs", {})).status).toBe(200);
    }
    // Memberships are cached too: these ten calls asked GitHub nothing.
    expect(await github.log(mark)).toEqual([]);
  });
});

describe("an org Grantdesk does not know", () => {
  it("costs no GitHub call, read or write, whatever the name", async () => {
    await github.call(listOrgs, "/api/orgs", {});
    const mark = await github.mark();
    for (const org of ["initech", "no-such-org", "Umbrella-Corp", "a", "x".repeat(39)]) {
      const read = await github.call(listTokens, `/api/orgs/${org}/tokens`, { org });
      expect(read.status).toBe(403);
      const write = await github.call(revoke, `/api/orgs/${org}/tokens/revoke`, { org }, { ids: [1, 2, 3], note: "probe" });
      expect(write.status).toBe(403);
    }
    expect(await github.log(mark)).toEqual([]);
  });

  it("gets the very answer a non-owner gets: status, code and words", async () => {
    const notOwner = await github.call(listTokens, "/api/orgs/acme/tokens", { org: "acme" }, undefined, "hubot");
    const notInstalled = await github.call(listTokens, "/api/orgs/initech/tokens", { org: "initech" }, undefined, "hubot");
    const noSuchOrg = await github.call(listTokens, "/api/orgs/acmf/tokens", { org: "acmf" }, undefined, "hubot");
    expect(notOwner.status).toBe(403);
    const shape = (answer: { status: number; body: unknown; headers: Headers }, org: string) => ({
      status: answer.status,
      body: JSON.stringify(answer.body).replaceAll(org, "ORG"),
      headers: [...answer.headers.entries()].filter(([name]) => name !== "date"),
    });
    expect(shape(notInstalled, "initech")).toEqual(shape(notOwner, "acme"));
    expect(shape(noSuchOrg, "acmf")).toEqual(shape(notOwner, "acme"));
  });

  it("takes about as long to refuse as an org where the caller is not an owner, the first time and after", async () => {
    // octocat has not been checked against acme yet: GitHub is asked (one round trip).
    const notOwner = await timed(() => github.call(listTokens, "/api/orgs/acme/tokens", { org: "acme" }, undefined, "octocat"));
    const notInstalled = await timed(() => github.call(listTokens, "/api/orgs/wayne-enterprises/tokens", { org: "wayne-enterprises" }, undefined, "octocat"));
    expect(notOwner.answer.status).toBe(403);
    expect(notInstalled.answer.status).toBe(403);
    expect(notOwner.ms).toBeGreaterThanOrEqual(LATENCY_MS);
    expect(notInstalled.ms).toBeGreaterThanOrEqual(LATENCY_MS - 20);

    // Asked again, both are answered from the cache.
    const again = await timed(() => github.call(listTokens, "/api/orgs/acme/tokens", { org: "acme" }, undefined, "octocat"));
    const againNotInstalled = await timed(() => github.call(listTokens, "/api/orgs/wayne-enterprises/tokens", { org: "wayne-enterprises" }, undefined, "octocat"));
    expect(again.ms).toBeLessThan(LATENCY_MS);
    expect(againNotInstalled.ms).toBeLessThan(LATENCY_MS);
  });
});
