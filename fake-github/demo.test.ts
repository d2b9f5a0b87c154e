// The demo's "a member requests a token" control: the page, its form creating a request (and the
// webhook), and the auto-requester that does it on a timer until stopped.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { control, sleep, startReceiver, waitFor } from "./test-support";
import type { Delivery } from "./webhooks";
import type { OrgCounts } from "./world";

let fake: FakeGitHub;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  fake = await startFakeGitHub({ requests: 10, tokens: 20, webhookUrl: receiver.url, webhookSecret: "s" });
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
});
beforeEach(() => control(fake, "reset", {}));

const pending = async () => {
  const counts = await Promise.all(["acme", "globex"].map((org) => control<OrgCounts>(fake, `state/orgs/${org}`)));
  return counts.reduce((sum, count) => sum + count.pendingRequests, 0);
};

describe("the demo page", () => {
  it("offers each org's members and a Request a token button", async () => {
    const html = await (await fetch(`${fake.url}/_fake/demo`)).text();
    expect(html).toContain('<h2 id="demo-acme-heading">Acme Corporation');
    expect(html).toContain('<option value="hubot">hubot (Hubot)</option>');
    expect(html.match(/<button type="submit">Request a token<\/button>/g)).toHaveLength(3);
  });

  it("creates the request from the form, sends its webhook and says so", async () => {
    const form = new URLSearchParams({ org: "acme", owner: "hubot", tokenName: "demo-token", reason: "Demo" });
    const posted = await fetch(`${fake.url}/_fake/demo/requests`, { method: "POST", body: form, redirect: "manual" });
    expect(posted.status).toBe(303);
    const location = posted.headers.get("location")!;
    const page = await (await fetch(new URL(location, fake.url))).text();
    expect(page).toMatch(/role="status">Request 11000011 created: hubot asks for &quot;demo-token&quot; in acme/);
    const deliveries = await waitFor(
      () => control<{ deliveries: Delivery[] }>(fake, "deliveries").then((body) => body.deliveries),
      (list) => list.length === 1 && list[0]!.state !== "queued",
    );
    expect(deliveries[0]).toMatchObject({ event: "personal_access_token_request", action: "created", statusCode: 200 });
  });

  it("says what was wrong without creating anything", async () => {
    const posted = await fetch(`${fake.url}/_fake/demo/requests`, { method: "POST", body: new URLSearchParams({ org: "acme", owner: "bill-lumbergh" }), redirect: "manual" });
    const page = await (await fetch(new URL(posted.headers.get("location")!, fake.url))).text();
    expect(page).toContain('role="alert">bill-lumbergh is not an active member of acme');
    expect(await pending()).toBe(10 + 12);
  });
});

describe("auto-requests", () => {
  it("create a request every N ms from /_fake/config, and stop when turned off or on reset", async () => {
    await control(fake, "config", { autoRequestEveryMs: 100 });
    await waitFor(pending, (count) => count >= 22 + 3, 3_000);
    await control(fake, "config", { autoRequestEveryMs: 0 });
    const stopped = await pending();
    expect(stopped).toBeGreaterThanOrEqual(25);
    await sleep(300);
    expect(await pending()).toBe(stopped);

    await control(fake, "config", { autoRequestEveryMs: 100 });
    await control(fake, "reset", {});
    await sleep(300);
    expect(await pending()).toBe(22);
    expect((await fetch(`${fake.url}/_fake/config`, { method: "POST", body: JSON.stringify({ autoRequestEveryMs: 5 }) })).status).toBe(400);
  });

  it("run from the start-up option until closed", async () => {
    const auto = await startFakeGitHub({ requests: 1, tokens: 4, autoRequestEveryMs: 100, smtpPort: null });
    try {
      await sleep(450);
      const acme = await control<OrgCounts>(auto, "state/orgs/acme");
      const globex = await control<OrgCounts>(auto, "state/orgs/globex");
      expect(acme.pendingRequests - 1 + (globex.pendingRequests - 12)).toBeGreaterThanOrEqual(2);
      expect(auto.smtpPort).toBeNull();
    } finally {
      await auto.close();
    }
  });
});
