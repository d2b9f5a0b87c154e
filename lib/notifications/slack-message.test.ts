import { describe, expect, it } from "vitest";
import { REQUEST } from "@/test-support/notification-fixtures";
import type { NotificationContent } from "./notification-content";
import { escapeSlack, renderSlackMessage } from "./slack-message";

const now = new Date("2026-11-30T10:00:00Z");
const render = { appUrl: "https://grantdesk.example.com", now };

type Block = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { type: string; url?: string; text: string | { text: string } }[] };

function textOf(message: ReturnType<typeof renderSlackMessage>): string {
  return (message.blocks as Block[])
    .flatMap((block) => [block.text?.text ?? "", ...(block.fields ?? []).map((field) => field.text), ...(block.elements ?? []).map((element) => (typeof element.text === "string" ? element.text : element.text.text))])
    .join("\n");
}

describe("Slack message for a new request", () => {
  const message = renderSlackMessage({ type: "new_request", org: "acme", request: REQUEST }, render);
  const blocks = message.blocks as Block[];

  it("names the requester, the token and the reason, escaped so it cannot mention a channel", () => {
    const text = textOf(message);
    expect(text).toContain("*hubot*");
    expect(text).toContain("*deploy-bot*");
    expect(text).toContain(">Deploys the &lt;!channel&gt; wiki\n>every night &amp; more");
    expect(text).not.toContain("<!channel>");
    expect(message.text).toBe("New token request in acme: hubot asks for deploy-bot");
  });

  it("marks write and admin permissions, admin first, and leaves read ones plain", () => {
    const permissions = blocks.flatMap((block) => block.fields ?? []).find((field) => field.text.startsWith("*Permissions*"))!.text;
    expect(permissions.split("\n")).toEqual(["*Permissions*", ":warning: *Administration: admin*", ":warning: *Contents: write*", "Members: read", "Metadata: read"]);
  });

  it("says which repositories, when the token expires, and links to the request's panel", () => {
    const text = textOf(message);
    expect(text).toContain("5 selected repositories: api, web and 3 more");
    expect(text).toContain("20 Dec 2026 (in 20 days)");
    const button = blocks.find((block) => block.type === "actions")!.elements![0]!;
    expect(button).toMatchObject({ type: "button", url: "https://grantdesk.example.com/orgs/acme/requests?request=1000042", style: "primary" });
    expect(button.text).toEqual({ type: "plain_text", text: "Review in Grantdesk" });
    expect(blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "New token request in acme", emoji: true } });
  });

  it("says when no reason was given, and repository access for all and none", () => {
    const all = textOf(renderSlackMessage({ type: "new_request", org: "acme", request: { ...REQUEST, reason: null, repositorySelection: "all" } }, render));
    expect(all).toContain("_No reason given._");
    expect(all).toContain("All repositories");
    const none = textOf(renderSlackMessage({ type: "new_request", org: "acme", request: { ...REQUEST, repositorySelection: "none", tokenExpiresAt: null } }, render));
    expect(none).toContain("No repositories");
    expect(none).toContain("*Token expires*\nNever");
  });

  it("keeps every section within Slack's limits", () => {
    const long = renderSlackMessage({ type: "new_request", org: "acme", request: { ...REQUEST, reason: "x".repeat(5000) } }, render);
    for (const block of long.blocks as Block[]) {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(block.type === "header" ? 150 : 3000);
    }
  });
});

describe("Slack messages for the other triggers", () => {
  it("a reminder says how long the request has waited", () => {
    const message = renderSlackMessage({ type: "pending_request", org: "acme", request: REQUEST, hours: 24 }, render);
    expect(message.blocks[0]).toMatchObject({ text: { text: "Token request waiting over 24 hours in acme" } });
    expect(textOf(message)).toContain("has waited over 24 hours");
  });

  it("an expiry warning links to the token", () => {
    const content: NotificationContent = {
      type: "token_expiring",
      org: "acme",
      days: 7,
      token: { id: 2000007, tokenName: "ci", owner: "mona", permissions: { organization: {}, repository: { issues: "read" }, other: {} }, repositorySelection: "all", tokenExpiresAt: "2026-12-03T10:00:00Z", tokenLastUsedAt: null },
    };
    const message = renderSlackMessage(content, render);
    expect(textOf(message)).toContain("*mona*'s token *ci* expires 3 Dec 2026 (in 3 days)");
    expect(JSON.stringify(message.blocks)).toContain("https://grantdesk.example.com/orgs/acme/tokens?token=2000007");
  });

  it("a finished job gives its counts and why it stopped", () => {
    const message = renderSlackMessage(
      {
        type: "job_finished",
        org: "acme",
        job: { id: "6f1c2a9e-0000-4000-8000-000000000001", kind: "tokens", action: "revoke", status: "failed", actor: "mona", description: "tokens matching Expired", total: 250, accepted: 200, skipped: 0, failed: 0, lastError: "GitHub rejected the app's credentials", finishedAt: "2026-11-30T09:59:00Z" },
      },
      render,
    );
    expect(message.text).toBe("Bulk revocation stopped in acme");
    expect(textOf(message)).toContain("mona's revocation of 250 tokens stopped: 200 accepted, 50 not sent.");
    expect(textOf(message)).toContain(":warning: GitHub rejected the app's credentials");
  });
});

describe("escapeSlack", () => {
  it("escapes Slack's control characters only", () => {
    expect(escapeSlack("<@U123> & <https://x|y> *bold*")).toBe("&lt;@U123&gt; &amp; &lt;https://x|y&gt; *bold*");
  });
});
