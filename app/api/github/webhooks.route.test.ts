// POST /api/github/webhooks against fake-github's own signed deliveries (its queue, headers,
// signatures and redeliveries, through a loopback receiver that hands them to the route): only a
// valid signature gets in, a delivery is applied once, a malformed one is refused, an org without
// the app is left alone, and token-request events reach the inventory with the request's reason.

import { createHmac } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgEvent } from "@/lib/contract/org-events";
import { db } from "@/lib/db/database";
import { githubInstallations, inventorySyncs, patInventory } from "@/lib/db/inventory-schema";
import { webhookDeliveries } from "@/lib/db/webhooks-schema";
import { orgEventHub } from "@/lib/events/org-event-hub";
import { reviewRequests } from "@/lib/github/review-requests";
import { grantLookupsSettled } from "@/lib/inventory/look-up-grants";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { deliveryRequest, type WebhookReceiver } from "@/test-support/webhook-receiver";
import { POST } from "./webhooks/route";

const SECRET = "webhook-route-tests-secret";

interface FakeDelivery {
  id: number;
  guid: string;
  event: string;
  action: string | null;
  state: "queued" | "delivered" | "failed";
  statusCode: number | null;
  responseBody: string | null;
  payload: { personal_access_token_request?: { id: number; token_id: number } };
}

interface CreatedRequest {
  id: number;
  tokenId: number;
  tokenName: string;
}

let github: FakeGitHubEnv;
let receiver: WebhookReceiver;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 7, requests: 40, tokens: 120, webhookSecret: SECRET, smtpPort: null });
  receiver = await github.deliverWebhooksTo(POST);
  await github.sync("acme");
});

afterAll(async () => {
  await grantLookupsSettled();
  await github?.close();
});

const sign = (body: string, secret = SECRET) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/** fake-github's delivery of a token-request event about `requestId`, once it has been sent. */
async function deliveryOf(requestId: number, action: string, { redelivery = false } = {}): Promise<FakeDelivery> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { deliveries } = (await github.control("deliveries?event=personal_access_token_request")) as { deliveries: (FakeDelivery & { redelivery: boolean })[] };
    const found = deliveries.find((delivery) => delivery.payload.personal_access_token_request?.id === requestId && delivery.action === action && delivery.redelivery === redelivery);
    if (found && found.state !== "queued") return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no ${action} delivery for request ${requestId}`);
}

const createRequest = (org: string, body: Record<string, unknown>) => github.control(`orgs/${org}/requests`, body) as Promise<CreatedRequest>;

async function inventoryRow(kind: "requests" | "tokens", id: number) {
  const [row] = await (await db()).select().from(patInventory).where(and(eq(patInventory.org, "acme"), eq(patInventory.kind, kind), eq(patInventory.id, id)));
  return row;
}

const deliveryRows = async () => (await db()).select().from(webhookDeliveries);

/** The org's events this instance hears while `during` runs. */
async function eventsDuring(org: string, during: () => Promise<void>): Promise<OrgEvent[]> {
  const heard: OrgEvent[] = [];
  const stop = await orgEventHub().subscribe(org, (event) => heard.push(event));
  try {
    await during();
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    stop();
  }
  return heard;
}

describe("a created request", () => {
  it("is added to the inventory with its reason (read from GitHub's list), and open pages are told", async () => {
    const mark = await github.mark();
    let request!: CreatedRequest;
    let delivery!: FakeDelivery;
    const events = await eventsDuring("acme", async () => {
      request = await createRequest("acme", { owner: "hubot", tokenName: "docs-deployer", reason: "Deploys the docs site from CI" });
      delivery = await deliveryOf(request.id, "created");
    });

    expect(delivery).toMatchObject({ state: "delivered", statusCode: 200 });
    expect(JSON.parse(delivery.responseBody!)).toMatchObject({ delivery: delivery.guid, event: "personal_access_token_request", outcome: "processed" });
    expect(await inventoryRow("requests", request.id)).toMatchObject({ tokenName: "docs-deployer", ownerLogin: "hubot", reason: "Deploys the docs site from CI", goneAt: null });
    // One read of the pending list, by the token's id.
    const reads = (await github.log(mark)).filter((entry) => entry.path === "/orgs/acme/personal-access-token-requests");
    expect(reads.map((entry) => entry.query)).toEqual([expect.stringContaining(`token_id[]=${request.tokenId}`)]);
    expect(events).toContainEqual({ type: "inventory", org: "acme", lists: ["requests"], changed: true });
    expect(events).toContainEqual({ type: "webhook", org: "acme" });
    const [sync] = await (await db()).select().from(inventorySyncs).where(and(eq(inventorySyncs.org, "acme"), eq(inventorySyncs.kind, "requests")));
    expect(Date.now() - sync!.changedAt!.getTime()).toBeLessThan(10_000);
    const [installation] = await (await db()).select().from(githubInstallations).where(eq(githubInstallations.org, "acme"));
    expect(installation!.webhookDeliveryAt).not.toBeNull();
  });

  it("delivered again (GitHub's Redeliver) is answered but applied only once", async () => {
    const request = await createRequest("acme", { owner: "mona", reason: "first" });
    const first = await deliveryOf(request.id, "created");
    expect(JSON.parse(first.responseBody!)).toMatchObject({ outcome: "processed" });

    const mark = await github.mark();
    await github.control(`deliveries/${first.id}/redeliver`, {});
    const again = await deliveryOf(request.id, "created", { redelivery: true });
    expect(again).toMatchObject({ guid: first.guid, statusCode: 200 });
    expect(JSON.parse(again.responseBody!)).toMatchObject({ outcome: "duplicate" });
    expect((await github.log(mark)).filter((entry) => entry.path.includes("personal-access-token"))).toEqual([]);
    const [row] = await (await db()).select().from(webhookDeliveries).where(eq(webhookDeliveries.deliveryId, first.guid));
    expect(row).toMatchObject({ outcome: "processed", attempts: 2, event: "personal_access_token_request", action: "created", org: "acme" });
  });
});

describe("a delivery without a valid signature", () => {
  it("is refused with 401 and changes nothing", async () => {
    receiver.setForward(false);
    let request: CreatedRequest;
    try {
      request = await createRequest("acme", { owner: "hubot", reason: "never stored" });
      await deliveryOf(request.id, "created");
    } finally {
      receiver.setForward(true);
    }
    const original = receiver.arrived.at(-1)!;
    const body = original.body.toString("utf8");
    expect(original.headers["x-hub-signature-256"]).toBe(sign(body));
    const tampered = body.replace(`"id":${request.id}`, `"id":${request.id + 1}`);
    const before = { deliveries: await deliveryRows(), mark: await github.mark() };

    const attempts: Array<[string, Record<string, string>, string]> = [
      ["no signature", { ...original.headers, "x-hub-signature-256": "" }, body],
      ["another secret's signature", { ...original.headers, "x-hub-signature-256": sign(body, "not-the-secret") }, body],
      ["a SHA-1 signature only", { ...original.headers, "x-hub-signature-256": original.headers["x-hub-signature"]! }, body],
      ["the body changed after signing", original.headers, tampered],
    ];
    for (const [what, headers, sent] of attempts) {
      const response = await POST(deliveryRequest(headers, sent));
      expect({ what, status: response.status }).toEqual({ what, status: 401 });
      const answer = (await response.json()) as { error: { code: string; message: string } };
      expect(answer.error.code).toBe("unauthorized");
      expect(JSON.stringify(answer)).not.toContain(SECRET);
    }
    expect(await inventoryRow("requests", request.id)).toBeUndefined();
    expect(await deliveryRows()).toEqual(before.deliveries);
    expect(await github.log(before.mark)).toEqual([]);

    // The very same delivery, untouched, is accepted.
    const response = await POST(deliveryRequest(original.headers, body));
    expect(response.status).toBe(200);
    expect(await inventoryRow("requests", request.id)).toMatchObject({ reason: "never stored" });
  });
});

describe("a malformed delivery", () => {
  const headers = (body: string, event = "personal_access_token_request") => ({
    "content-type": "application/json",
    "x-github-event": event,
    "x-github-delivery": crypto.randomUUID(),
    "x-hub-signature-256": sign(body),
  });

  it.each([
    ["a body that is not JSON", "action=created&payload=x", undefined],
    ["a token-request event without its request", JSON.stringify({ action: "created", organization: { login: "acme", id: 9100001 } }), undefined],
    ["a request id that is not a number", JSON.stringify({ action: "created", personal_access_token_request: { id: "7", token_id: 1 }, organization: { login: "acme", id: 1 } }), undefined],
    ["an organization login that is not one", JSON.stringify({ action: "created", personal_access_token_request: { id: 7, token_id: 1 }, organization: { login: "../acme", id: 1 } }), undefined],
    ["an installation event without its installation", JSON.stringify({ action: "created" }), "installation"],
  ])("(%s) is refused with 400 and nothing is stored", async (_, body, event) => {
    const before = { deliveries: await deliveryRows(), mark: await github.mark() };
    const response = await POST(deliveryRequest(headers(body, event), body));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad_request" } });
    expect(await deliveryRows()).toEqual(before.deliveries);
    expect(await github.log(before.mark)).toEqual([]);
  });

  it("missing its delivery id or event name is refused with 400", async () => {
    const body = JSON.stringify({ zen: "Keep it logically awesome." });
    for (const drop of ["x-github-delivery", "x-github-event"]) {
      const sent = headers(body, "ping") as Record<string, string>;
      delete sent[drop];
      expect((await POST(deliveryRequest(sent, body))).status).toBe(400);
    }
  });

  it("over 1 MiB is refused with 413 before it is read whole, declared or not", async () => {
    const body = JSON.stringify({ action: "created", padding: "x".repeat(1024 * 1024) });
    expect((await POST(deliveryRequest(headers(body), body))).status).toBe(413);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 20; index++) controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
        controller.close();
      },
    });
    const { NextRequest } = await import("next/server");
    // A streamed body, as a chunked upload arrives: no Content-Length to refuse it by.
    const init = { method: "POST", headers: headers("{}"), body: chunked, duplex: "half" };
    const streamed = new NextRequest("http://grantdesk.test/api/github/webhooks", init as unknown as ConstructorParameters<typeof NextRequest>[1]);
    expect((await POST(streamed)).status).toBe(413);
  });
});

describe("events Grantdesk does not act on", () => {
  it("are acknowledged and ignored: an org without the app, an unknown event, GitHub's ping", async () => {
    const mark = await github.mark();
    const forInitech = JSON.stringify({
      action: "created",
      personal_access_token_request: { id: 3_100_999, token_id: 3_500_999 },
      organization: { login: "initech", id: 9100003 },
      installation: { id: 999 },
    });
    const ping = JSON.stringify({ zen: "Design for failure.", hook_id: 1 });
    const star = JSON.stringify({ action: "created", organization: { login: "acme", id: 9100001 } });
    const sent: Array<[string, string]> = [
      ["personal_access_token_request", forInitech],
      ["ping", ping],
      ["star", star],
    ];
    for (const [event, body] of sent) {
      const response = await POST(
        deliveryRequest({ "content-type": "application/json", "x-github-event": event, "x-github-delivery": crypto.randomUUID(), "x-hub-signature-256": sign(body) }, body),
      );
      expect({ event, status: response.status }).toEqual({ event, status: 200 });
      expect(await response.json()).toMatchObject({ event, outcome: "ignored" });
    }
    // Whether initech has the app is asked of GitHub (Grantdesk's record did not know it); no PAT endpoint is called.
    expect((await github.log(mark)).filter((entry) => entry.path.includes("personal-access-token"))).toEqual([]);
    const [initech] = await (await db()).select().from(patInventory).where(eq(patInventory.org, "initech")).limit(1);
    expect(initech).toBeUndefined();
  });
});

describe("a reviewed or withdrawn request", () => {
  it("approved on GitHub leaves the queue and its new token grant is read into the tokens list", async () => {
    const request = await createRequest("acme", { owner: "hubot", tokenName: "release-bot", reason: "Releases" });
    await deliveryOf(request.id, "created");
    const reviewed = (await github.control(`orgs/acme/requests/${request.id}/review`, { action: "approve" })) as { grantId: number };
    const approved = await deliveryOf(request.id, "approved");
    expect(JSON.parse(approved.responseBody!)).toMatchObject({ outcome: "processed" });
    expect(await inventoryRow("requests", request.id)).toMatchObject({ goneReason: "approved_outside" });
    await grantLookupsSettled();
    expect(await inventoryRow("tokens", reviewed.grantId)).toMatchObject({ tokenId: request.tokenId, tokenName: "release-bot", ownerLogin: "hubot", goneAt: null });
  });

  it("denied, or cancelled by its owner, leaves the queue with that reason", async () => {
    const denied = await createRequest("acme", { owner: "hubot", reason: "to deny" });
    const cancelled = await createRequest("acme", { owner: "hubot", reason: "to cancel" });
    await deliveryOf(cancelled.id, "created");
    await github.control(`orgs/acme/requests/${denied.id}/review`, { action: "deny" });
    await github.control(`orgs/acme/requests/${cancelled.id}/cancel`, {});
    await deliveryOf(cancelled.id, "cancelled");
    expect(await inventoryRow("requests", denied.id)).toMatchObject({ goneReason: "denied_outside" });
    expect(await inventoryRow("requests", cancelled.id)).toMatchObject({ goneReason: "cancelled" });
  });
});

describe("a bulk approval on GitHub", () => {
  it("takes every request off the queue and reads the new grants in coalesced calls, not one per delivery", async () => {
    const { records } = (await github.control("state/orgs/acme/requests?status=pending")) as { records: { id: number; tokenId: number }[] };
    const approving = records.slice(0, 100);
    expect(approving.length).toBeGreaterThanOrEqual(30);
    const mark = await github.mark();
    const result = await reviewRequests("acme", approving.map((record) => record.id), "approve");
    expect(result.accepted).toBe(approving.length);
    for (const record of approving) await deliveryOf(record.id, "approved");
    await grantLookupsSettled();

    for (const record of approving) expect(await inventoryRow("requests", record.id)).toMatchObject({ goneReason: "approved_outside" });
    const grants = await (await db()).select().from(patInventory).where(and(eq(patInventory.org, "acme"), eq(patInventory.kind, "tokens"), isNull(patInventory.goneAt)));
    const granted = new Set(grants.map((grant) => grant.tokenId));
    expect(approving.filter((record) => !granted.has(record.tokenId))).toEqual([]);
    const lookups = (await github.log(mark)).filter((entry) => entry.path === "/orgs/acme/personal-access-tokens" && entry.query.includes("token_id"));
    console.info(`[webhooks] ${approving.length} approved deliveries → ${lookups.length} token_id[] reads of the tokens list`);
    expect(lookups.length).toBeLessThan(approving.length / 2);
  });
});

describe("installation events", () => {
  it("keep the list of orgs current: installed, then token requests there are applied; uninstalled, marked removed", async () => {
    await github.control("orgs/initech/installation", { action: "install" });
    await expect.poll(async () => (await (await db()).select().from(githubInstallations).where(eq(githubInstallations.org, "initech")))[0]?.removedAt, { timeout: 5_000 }).toBeNull();

    const request = await createRequest("initech", { owner: "peter-gibbons", reason: "TPS reports" });
    const created = await deliveryOf(request.id, "created");
    expect(JSON.parse(created.responseBody!)).toMatchObject({ outcome: "processed" });
    const [row] = await (await db()).select().from(patInventory).where(and(eq(patInventory.org, "initech"), eq(patInventory.id, request.id)));
    expect(row).toMatchObject({ reason: "TPS reports" });

    await github.control("orgs/initech/installation", { action: "uninstall" });
    await expect.poll(async () => (await (await db()).select().from(githubInstallations).where(eq(githubInstallations.org, "initech")))[0]?.removedAt, { timeout: 5_000 }).not.toBeNull();
  });
});
