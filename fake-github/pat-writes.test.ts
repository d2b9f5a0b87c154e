// Behaviour of review and revoke: 204 at once for one id, 202-then-apply for many, approval
// creating a token, refusals of repeats and unknown ids, and the body limits.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { api, control, installationToken, sleep } from "./test-support";
import { ORGS, type PatGrant, type PatRequest } from "./world";

// Long enough that "still listed right after the 202" holds on a busy machine.
const APPLY_DELAY_MS = 400;

interface Row {
  id: number;
  token_id: number;
  token_name: string;
  owner: { login: string };
  permissions: unknown;
  access_granted_at?: string;
}

interface Counts {
  pendingRequests: number;
  activeTokens: number;
  revokedTokens: number;
  reviewedRequests: number;
}

let fake: FakeGitHub;
let token: string;

beforeAll(async () => {
  fake = await startFakeGitHub({ requests: 60, tokens: 120, applyDelayMs: APPLY_DELAY_MS });
});
beforeEach(async () => {
  await control(fake, "reset", {});
  token = await installationToken(fake, ORGS.acme.installationId);
});
afterAll(() => fake.close());

const rows = async (path: string) => (await (await api(fake, token, path)).json()) as Row[];
const counts = () => control<Counts>(fake, "state/orgs/acme");
const post = (path: string, body: unknown) => api(fake, token, path, { method: "POST", body });

async function until(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(20);
  }
}

describe("reviewing requests", () => {
  it("approves one request at once: 204, gone from the queue, an active token with the same token_id", async () => {
    const [request] = await rows("/orgs/acme/personal-access-token-requests?per_page=1");
    const before = Date.now();
    const response = await post(`/orgs/acme/personal-access-token-requests/${request!.id}`, { action: "approve", reason: "Scoped well" });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect((await rows(`/orgs/acme/personal-access-token-requests?token_id=${request!.token_id}`))).toEqual([]);
    const [grant] = await rows(`/orgs/acme/personal-access-tokens?token_id=${request!.token_id}`);
    expect(grant).toMatchObject({ token_id: request!.token_id, token_name: request!.token_name, owner: { login: request!.owner.login }, permissions: request!.permissions });
    expect(grant!.id).not.toBe(request!.id);
    expect(Date.parse(grant!.access_granted_at!)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    const stored = await control<PatRequest>(fake, `state/orgs/acme/requests/${request!.id}`);
    expect(stored).toMatchObject({ status: "approved", reviewReason: "Scoped well", grantId: grant!.id });
    expect(await counts()).toEqual({ pendingRequests: 59, activeTokens: 121, revokedTokens: 0, reviewedRequests: 1, cancelledRequests: 0 });
  });

  it("denies one request without creating a token", async () => {
    const [request] = await rows("/orgs/acme/personal-access-token-requests?per_page=1");
    expect((await post(`/orgs/acme/personal-access-token-requests/${request!.id}`, { action: "deny" })).status).toBe(204);
    expect(await rows(`/orgs/acme/personal-access-tokens?token_id=${request!.token_id}`)).toEqual([]);
    expect(await control<PatRequest>(fake, `state/orgs/acme/requests/${request!.id}`)).toMatchObject({ status: "denied", reviewReason: null });
  });

  it("refuses to review a request twice (422) and an unknown one (404)", async () => {
    const [request] = await rows("/orgs/acme/personal-access-token-requests?per_page=1");
    await post(`/orgs/acme/personal-access-token-requests/${request!.id}`, { action: "approve" });
    const again = await post(`/orgs/acme/personal-access-token-requests/${request!.id}`, { action: "deny" });
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({
      message: "Validation Failed",
      errors: [{ code: "unprocessable", field: "pat_request_id", message: `Request ${request!.id} has already been approved`, value: request!.id }],
    });
    expect((await post("/orgs/acme/personal-access-token-requests/424242", { action: "approve" })).status).toBe(404);
    expect(await counts()).toMatchObject({ reviewedRequests: 1, activeTokens: 121 });
  });

  it("answers a bulk review with 202 {}, keeps the items listed until the delay passes, then applies it", async () => {
    const targets = await rows("/orgs/acme/personal-access-token-requests?per_page=3");
    const ids = targets.map((row) => row.id);
    const tokenIds = targets.map((row) => `token_id[]=${row.token_id}`).join("&");
    const response = await post("/orgs/acme/personal-access-token-requests", { pat_request_ids: ids, action: "approve", reason: "Quarterly review" });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({});
    expect((await rows(`/orgs/acme/personal-access-token-requests?${tokenIds}`)).map((row) => row.id).sort()).toEqual([...ids].sort());
    expect(await rows(`/orgs/acme/personal-access-tokens?${tokenIds}`)).toEqual([]);
    await until(async () => (await counts()).reviewedRequests === 3);
    expect(await rows(`/orgs/acme/personal-access-token-requests?${tokenIds}`)).toEqual([]);
    expect(await rows(`/orgs/acme/personal-access-tokens?${tokenIds}`)).toHaveLength(3);
  });

  it("refuses a whole bulk call that names a reviewed or unknown request, applying none of it", async () => {
    const [done, a, b] = await rows("/orgs/acme/personal-access-token-requests?per_page=3");
    await post(`/orgs/acme/personal-access-token-requests/${done!.id}`, { action: "deny" });
    const response = await post("/orgs/acme/personal-access-token-requests", { pat_request_ids: [a!.id, done!.id, 999, b!.id], action: "approve" });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: { index: number; value: number; code: string }[] };
    expect(body.errors.map(({ index, value, code }) => ({ index, value, code }))).toEqual([
      { index: 1, value: done!.id, code: "unprocessable" },
      { index: 2, value: 999, code: "invalid" },
    ]);
    await sleep(APPLY_DELAY_MS + 150);
    expect(await counts()).toMatchObject({ pendingRequests: 59, reviewedRequests: 1 });
  });

  it("validates the review bodies: ids 1–100 integers, action, reason ≤ 1024 characters", async () => {
    const [request] = await rows("/orgs/acme/personal-access-token-requests?per_page=1");
    const bulk = (body: unknown) => post("/orgs/acme/personal-access-token-requests", body);
    const fieldsOf = async (response: Response) => {
      expect(response.status).toBe(422);
      return ((await response.json()) as { errors: { field: string }[] }).errors.map((error) => error.field);
    };
    expect(await fieldsOf(await bulk({ pat_request_ids: [], action: "approve" }))).toEqual(["pat_request_ids"]);
    expect(await fieldsOf(await bulk({ pat_request_ids: Array.from({ length: 101 }, (_, i) => i + 1), action: "approve" }))).toEqual(["pat_request_ids"]);
    expect(await fieldsOf(await bulk({ action: "approve" }))).toEqual(["pat_request_ids"]);
    expect(await fieldsOf(await bulk({ pat_request_ids: ["1"], action: "approve" }))).toEqual(["pat_request_ids"]);
    expect(await fieldsOf(await bulk({ pat_request_ids: [request!.id], action: "block" }))).toEqual(["action"]);
    expect(await fieldsOf(await bulk({ pat_request_ids: [request!.id], action: "approve", reason: "x".repeat(1025) }))).toEqual(["reason"]);
    const one = `/orgs/acme/personal-access-token-requests/${request!.id}`;
    expect(await fieldsOf(await post(one, {}))).toEqual(["action"]);
    expect(await fieldsOf(await post(one, { action: "approve", reason: 42 }))).toEqual(["reason"]);
    expect((await api(fake, token, one, { method: "POST", body: "{not json" })).status).toBe(400);
    // 1024 characters, counted as characters rather than UTF-16 units.
    expect((await post(one, { action: "approve", reason: "🔑".repeat(1024) })).status).toBe(204);
  });
});

describe("revoking tokens", () => {
  it("revokes one token at once and refuses to revoke it again", async () => {
    const [grant] = await rows("/orgs/acme/personal-access-tokens?per_page=1");
    const response = await post(`/orgs/acme/personal-access-tokens/${grant!.id}`, { action: "revoke" });
    expect(response.status).toBe(204);
    expect(await rows(`/orgs/acme/personal-access-tokens?token_id=${grant!.token_id}`)).toEqual([]);
    expect(await control<PatGrant>(fake, `state/orgs/acme/tokens/${grant!.id}`)).toMatchObject({ status: "revoked" });
    const again = await post(`/orgs/acme/personal-access-tokens/${grant!.id}`, { action: "revoke" });
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ errors: [{ code: "unprocessable", message: `Token ${grant!.id} has already been revoked` }] });
    expect((await post("/orgs/acme/personal-access-tokens/31337", { action: "revoke" })).status).toBe(404);
    expect((await post(`/orgs/acme/personal-access-tokens/${grant!.id}`, { action: "delete" })).status).toBe(422);
    expect((await api(fake, token, `/orgs/acme/personal-access-tokens/${grant!.id}/repositories`)).status).toBe(404);
  });

  it("revokes in bulk with 202, applied after the delay; a revoked id refuses the whole call", async () => {
    const targets = await rows("/orgs/acme/personal-access-tokens?per_page=4");
    const ids = targets.map((row) => row.id);
    const response = await post("/orgs/acme/personal-access-tokens", { action: "revoke", pat_ids: ids.slice(0, 3) });
    expect(response.status).toBe(202);
    expect((await counts()).activeTokens).toBe(120);
    await until(async () => (await counts()).revokedTokens === 3);
    const refused = await post("/orgs/acme/personal-access-tokens", { action: "revoke", pat_ids: [ids[3], ids[0]] });
    expect(refused.status).toBe(422);
    await sleep(APPLY_DELAY_MS + 150);
    expect(await counts()).toMatchObject({ activeTokens: 117, revokedTokens: 3 });
    const limits = await post("/orgs/acme/personal-access-tokens", { action: "revoke", pat_ids: Array.from({ length: 101 }, (_, i) => i) });
    expect(limits.status).toBe(422);
  });

  it("takes the apply delay from /_fake/config, and a reset drops work not yet applied", async () => {
    await control(fake, "config", { applyDelayMs: 60_000 });
    const [grant] = await rows("/orgs/acme/personal-access-tokens?per_page=1");
    expect((await post("/orgs/acme/personal-access-tokens", { action: "revoke", pat_ids: [grant!.id] })).status).toBe(202);
    await sleep(APPLY_DELAY_MS + 150);
    expect((await counts()).revokedTokens).toBe(0);
    await control(fake, "reset", {});
    expect(await control(fake, "config")).toMatchObject({ applyDelayMs: APPLY_DELAY_MS, latencyMs: 0 });
    expect(await counts()).toEqual({ pendingRequests: 60, activeTokens: 120, revokedTokens: 0, reviewedRequests: 0, cancelledRequests: 0 });
  });
});
