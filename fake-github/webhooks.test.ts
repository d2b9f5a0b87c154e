// Webhooks as GitHub sends them: signed deliveries with GitHub's headers for requests created,
// reviewed (through the REST endpoints and the control API) and cancelled; a delivery log with
// redelivery under the same GUID; failures recorded and not retried; nothing blocks the caller.

import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Delivery } from "./webhooks";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { api, control, installationToken, signIn, sleep, startReceiver, waitFor } from "./test-support";
import { ORGS, USERS } from "./world";

const SECRET = "It's a Secret to Everybody";

let fake: FakeGitHub;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  fake = await startFakeGitHub({ requests: 20, tokens: 30, applyDelayMs: 20, webhookUrl: receiver.url, webhookSecret: SECRET });
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
});
beforeEach(async () => {
  await control(fake, "reset", {});
  receiver.received.length = 0;
  receiver.status = 200;
});

const deliveries = () => control<{ deliveries: Delivery[] }>(fake, "deliveries").then((body) => body.deliveries);
const settledDeliveries = (count: number) => waitFor(deliveries, (list) => list.length >= count && list.every((delivery) => delivery.state !== "queued"));
interface Payload {
  action: string;
  personal_access_token_request: { id: number };
  organization: unknown;
  sender: { login: string };
  installation: unknown;
}
const payloadOf = (index: number) => JSON.parse(receiver.received[index]!.body) as Payload;

describe("a request created through the control API", () => {
  it("is delivered signed, with GitHub's headers and the personal_access_token_request payload", async () => {
    const request = await control<{ id: number; tokenId: number }>(fake, "orgs/acme/requests", { owner: "hubot", tokenName: "deploy-bot", reason: "CI needs it" });
    await settledDeliveries(1);
    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0]!;
    expect(headers["x-github-event"]).toBe("personal_access_token_request");
    expect(headers["x-github-delivery"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(headers["x-github-hook-id"]).toMatch(/^\d+$/);
    expect(headers["x-github-hook-installation-target-type"]).toBe("integration");
    expect(headers["x-github-hook-installation-target-id"]).toBe(String(fake.appId));
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["user-agent"]).toMatch(/^GitHub-Hookshot\//);
    expect(headers["x-hub-signature-256"]).toBe(`sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`);
    expect(headers["x-hub-signature"]).toBe(`sha1=${createHmac("sha1", SECRET).update(body).digest("hex")}`);

    const payload = payloadOf(0);
    expect(payload.action).toBe("created");
    expect(payload.personal_access_token_request).toMatchObject({ id: request.id, token_id: request.tokenId, token_name: "deploy-bot", owner: { login: "hubot" } });
    // GitHub's payload carries no reason.
    expect(payload.personal_access_token_request).not.toHaveProperty("reason");
    expect(payload.organization).toMatchObject({ login: "acme", id: ORGS.acme.id });
    expect(payload.sender).toMatchObject({ login: "hubot", id: USERS.hubot.id });
    expect(payload.installation).toMatchObject({ id: ORGS.acme.installationId });
  });

  it("is not sent for an org without the app, nor when no webhook URL is configured", async () => {
    await control(fake, "orgs/initech/requests", {});
    await control(fake, "config", { webhookUrl: null });
    await control(fake, "orgs/acme/requests", {});
    await sleep(100);
    expect(await deliveries()).toEqual([]);
    expect(receiver.received).toEqual([]);
  });
});

describe("reviews", () => {
  it("through the REST endpoints send approved/denied with the app's bot as sender", async () => {
    const token = await installationToken(fake, ORGS.acme.installationId);
    const rows = (await (await api(fake, token, "/orgs/acme/personal-access-token-requests?per_page=3")).json()) as { id: number }[];
    expect((await api(fake, token, `/orgs/acme/personal-access-token-requests/${rows[0]!.id}`, { method: "POST", body: { action: "approve" } })).status).toBe(204);
    const bulk = await api(fake, token, "/orgs/acme/personal-access-token-requests", { method: "POST", body: { action: "deny", pat_request_ids: [rows[1]!.id, rows[2]!.id] } });
    expect(bulk.status).toBe(202);
    await settledDeliveries(3);
    const actions = receiver.received.map((_, i) => [payloadOf(i).action, payloadOf(i).personal_access_token_request.id]);
    expect(actions).toEqual([["approved", rows[0]!.id], ["denied", rows[1]!.id], ["denied", rows[2]!.id]]);
    expect(payloadOf(0).sender).toMatchObject({ login: "grantdesk[bot]", type: "Bot" });
  });

  it("with an owner's user token name that owner as sender", async () => {
    const mona = await signIn(fake, "mona");
    const [row] = (await (await api(fake, mona, "/orgs/acme/personal-access-token-requests?per_page=1")).json()) as { id: number }[];
    expect((await api(fake, mona, `/orgs/acme/personal-access-token-requests/${row!.id}`, { method: "POST", body: { action: "deny" } })).status).toBe(204);
    await settledDeliveries(1);
    expect(payloadOf(0)).toMatchObject({ action: "denied", sender: { login: "mona", type: "User" } });
  });

  it("and cancellations through the control API send approved and cancelled", async () => {
    const first = await control<{ id: number }>(fake, "orgs/acme/requests", { owner: "hubot" });
    const second = await control<{ id: number }>(fake, "orgs/acme/requests", { owner: "octocat" });
    expect(await control(fake, `orgs/acme/requests/${first.id}/review`, { action: "approve", reviewer: "mona" })).toMatchObject({ status: "approved" });
    expect(await control(fake, `orgs/acme/requests/${second.id}/cancel`, {})).toMatchObject({ status: "cancelled" });
    await settledDeliveries(4);
    expect(receiver.received.map((_, i) => [payloadOf(i).action, payloadOf(i).sender.login])).toEqual([
      ["created", "hubot"],
      ["created", "octocat"],
      ["approved", "mona"],
      ["cancelled", "octocat"],
    ]);
  });
});

describe("the delivery log", () => {
  it("records status, duration and payload; a failure is not retried; redelivery keeps the GUID", async () => {
    receiver.status = 500;
    await control(fake, "orgs/acme/requests", {});
    const [failed] = await settledDeliveries(1);
    expect(failed).toMatchObject({ event: "personal_access_token_request", action: "created", state: "delivered", statusCode: 500, status: "Invalid HTTP Response: 500", redelivery: false });
    expect(failed!.durationMs).toBeGreaterThanOrEqual(0);
    expect((failed!.payload as { action: string }).action).toBe("created");
    await sleep(200);
    expect(receiver.received).toHaveLength(1);

    receiver.status = 200;
    const response = await fetch(`${fake.url}/_fake/deliveries/${failed!.id}/redeliver`, { method: "POST" });
    expect(response.status).toBe(202);
    const list = await settledDeliveries(2);
    expect(list[0]).toMatchObject({ guid: failed!.guid, redelivery: true, statusCode: 200, status: "OK" });
    expect(receiver.received[1]!.headers["x-github-delivery"]).toBe(failed!.guid);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
    expect((await fetch(`${fake.url}/_fake/deliveries/999/redeliver`, { method: "POST" })).status).toBe(404);
  });

  it("records an unreachable or non-loopback receiver as failed, and never holds up the caller", async () => {
    await control(fake, "config", { webhookUrl: "http://127.0.0.1:9/hooks" });
    const started = performance.now();
    await control(fake, "orgs/acme/requests", {});
    expect(performance.now() - started).toBeLessThan(1_000);
    await control(fake, "config", { webhookUrl: "https://example.com/hooks" });
    await control(fake, "orgs/acme/requests", {});
    const list = await settledDeliveries(2);
    expect(list.map((delivery) => delivery.state)).toEqual(["failed", "failed"]);
    expect(list[0]!.status).toBe("fake-github delivers to loopback addresses only");
    expect(list[1]!.status).toMatch(/^failed to connect/);
    expect(list[1]!.statusCode).toBeNull();
  });

  it("sends unsigned deliveries when the webhook has no secret, as GitHub does", async () => {
    await control(fake, "config", { webhookSecret: null });
    await control(fake, "orgs/acme/requests", {});
    await settledDeliveries(1);
    expect(receiver.received[0]!.headers).not.toHaveProperty("x-hub-signature-256");
  });
});
