// With its database unreachable, Grantdesk refuses to act (no change goes unrecorded) and says
// so; the trail's pages answer 503 too. Nothing at all reaches GitHub's PAT endpoints.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { GET as listAudit } from "./[org]/audit/route";
import { POST as review } from "./[org]/requests/review/route";
import { POST as revoke } from "./[org]/tokens/revoke/route";

let github: FakeGitHubEnv;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 7 });
  // Nothing listens on port 1: every connection is refused at once.
  process.env.DATABASE_URL = "postgres://grantdesk:secret-db-password@127.0.0.1:1/grantdesk";
});

afterAll(async () => {
  await github?.close();
});

const patCalls = async (since: number) => (await github.log(since)).filter((entry) => entry.path.includes("personal-access-token"));

describe("an unreachable database", () => {
  it.each([
    ["a review", () => github.call(review, "/api/orgs/acme/requests/review", { org: "acme" }, { ids: [1000001, 1000002], action: "approve" })],
    ["a revoke", () => github.call(revoke, "/api/orgs/acme/tokens/revoke", { org: "acme" }, { ids: [1000001], note: "Offboarding" })],
  ])("refuses %s with 503 audit_unavailable before anything reaches GitHub", async (_, act) => {
    const mark = await github.mark();
    const { status, body } = await act();
    expect(status).toBe(503);
    expect(body).toEqual({
      error: {
        code: "audit_unavailable",
        message:
          "Grantdesk could not record this action in its audit trail, so nothing was sent to GitHub. Try again in a moment; if it keeps failing, check Grantdesk's database.",
      },
    });
    expect(await patCalls(mark)).toEqual([]);
  });

  it("answers the trail's page with 503 audit_unavailable, leaking nothing of the connection", async () => {
    const { status, body } = await github.call(listAudit, "/api/orgs/acme/audit", { org: "acme" });
    expect(status).toBe(503);
    expect(body.error.code).toBe("audit_unavailable");
    expect(JSON.stringify(body)).not.toMatch(/secret-db-password|127\.0\.0\.1|ECONNREFUSED/);
  });
});
