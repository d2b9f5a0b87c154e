// Without GITHUB_WEBHOOK_SECRET no delivery can be verified: every one is refused with a message
// saying what to set, and nothing is stored (configuration is read once per process, hence a file
// of its own).

import { createHmac } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/database";
import { webhookDeliveries } from "@/lib/db/webhooks-schema";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { deliveryRequest } from "@/test-support/webhook-receiver";
import { POST } from "./webhooks/route";

let github: FakeGitHubEnv;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 3, requests: 5, tokens: 5, smtpPort: null });
  delete process.env.GITHUB_WEBHOOK_SECRET;
});

afterAll(async () => {
  await github?.close();
});

it("refuses every delivery with 503 webhooks_not_configured, signed with any secret or not", async () => {
  const body = JSON.stringify({ zen: "Anything added dilutes everything else.", hook_id: 1 });
  for (const signature of [undefined, `sha256=${createHmac("sha256", "a guess").update(body).digest("hex")}`]) {
    const response = await POST(
      deliveryRequest(
        { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": crypto.randomUUID(), ...(signature ? { "x-hub-signature-256": signature } : {}) },
        body,
      ),
    );
    expect(response.status).toBe(503);
    const answer = (await response.json()) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe("webhooks_not_configured");
    expect(answer.error.message).toContain("GITHUB_WEBHOOK_SECRET");
  }
  expect(await (await db()).select().from(webhookDeliveries)).toEqual([]);
});
