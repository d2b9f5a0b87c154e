// The Slack and mail stand-ins: Slack's answers (ok, invalid_payload, no_text, planned 429/500
// failures for retry tests), an SMTP server that takes any login and records the user name but
// never the password, the /_sinks page, and reset clearing both.

import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MailMessage } from "./sinks/mail-sink";
import type { SlackFailure, SlackMessage, SlackRefusal } from "./sinks/slack-sink";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { control } from "./test-support";

let fake: FakeGitHub;

beforeAll(async () => {
  fake = await startFakeGitHub({ requests: 5, tokens: 10 });
});
afterAll(() => fake.close());
beforeEach(() => control(fake, "reset", {}));

const slack = (channel: string, body: string, contentType = "application/json") =>
  fetch(`${fake.url}/_sinks/slack/${channel}`, { method: "POST", headers: { "content-type": contentType }, body });
const slackState = () => control<{ messages: SlackMessage[]; refused: SlackRefusal[]; failures: SlackFailure[] }>(fake, "sinks/slack");

describe("the Slack incoming-webhook stand-in", () => {
  it("answers ok to text or blocks (JSON or a payload form field) and stores them newest first", async () => {
    const first = await slack("grantdesk-alerts", JSON.stringify({ text: "3 requests wait for review" }));
    expect(first.status).toBe(200);
    expect(await first.text()).toBe("ok");
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*hello*" } }];
    expect((await slack("ops", JSON.stringify({ blocks }))).status).toBe(200);
    expect((await slack("ops", new URLSearchParams({ payload: JSON.stringify({ text: "form" }) }).toString(), "application/x-www-form-urlencoded")).status).toBe(200);
    const { messages } = await slackState();
    expect(messages.map((message) => [message.channel, message.text])).toEqual([["ops", "form"], ["ops", null], ["grantdesk-alerts", "3 requests wait for review"]]);
    expect(messages[1]!.blocks).toEqual(blocks);
  });

  it("refuses what Slack refuses, storing nothing", async () => {
    for (const [body, answer] of [["not json", "invalid_payload"], ["[1]", "invalid_payload"], ["{}", "no_text"], [JSON.stringify({ text: "  " }), "no_text"]]) {
      const response = await slack("ops", body!);
      expect([response.status, await response.text()]).toEqual([400, answer]);
    }
    expect((await slackState()).messages).toEqual([]);
  });

  it("fails as planned (429 with Retry-After, then 500), then accepts: a sender's retries can be tested", async () => {
    await control(fake, "sinks/slack/failures", { status: 429, times: 2, retryAfter: 3, channel: "ops" });
    await control(fake, "sinks/slack/failures", { status: 500, times: 1 });
    const body = JSON.stringify({ text: "retry me" });
    const other = await slack("elsewhere", body);
    expect([other.status, await other.text()]).toEqual([500, "internal_error"]);
    for (let i = 0; i < 2; i++) {
      const limited = await slack("ops", body);
      expect([limited.status, limited.headers.get("retry-after"), await limited.text()]).toEqual([429, "3", "rate_limited"]);
    }
    expect((await slack("ops", body)).status).toBe(200);
    const state = await slackState();
    expect(state.messages).toHaveLength(1);
    expect(state.refused.map((refusal) => [refusal.channel, refusal.status])).toEqual([["ops", 429], ["ops", 429], ["elsewhere", 500]]);
    expect(state.failures).toEqual([]);
    const bad = await fetch(`${fake.url}/_fake/sinks/slack/failures`, { method: "POST", body: JSON.stringify({ status: 404, times: 1 }) });
    expect(bad.status).toBe(400);
  });
});

describe("the SMTP mail stand-in", () => {
  it("accepts any login, records the user but not the password, and parses the message", async () => {
    expect(fake.smtpPort).toBeGreaterThan(0);
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: fake.smtpPort!, secure: false, ignoreTLS: true, auth: { user: "grantdesk", pass: "hunter2" } });
    await transport.sendMail({
      from: "Grantdesk <noreply@grantdesk.example>",
      to: "mona@acme.example, hubot@acme.example",
      subject: "3 requests wait for review",
      text: "Open Grantdesk to review them.",
      html: "<p>Open Grantdesk to review them.</p>",
    });
    const anonymous = nodemailer.createTransport({ host: "127.0.0.1", port: fake.smtpPort!, secure: false, ignoreTLS: true });
    await anonymous.sendMail({ from: "a@example.com", to: "b@example.com", subject: "second", text: "hi" });

    const { messages } = await control<{ messages: MailMessage[] }>(fake, "sinks/mail");
    expect(messages.map((message) => message.subject)).toEqual(["second", "3 requests wait for review"]);
    expect(messages[1]).toMatchObject({
      username: "grantdesk",
      from: "noreply@grantdesk.example",
      to: ["mona@acme.example", "hubot@acme.example"],
      envelope: { from: "noreply@grantdesk.example", to: ["mona@acme.example", "hubot@acme.example"] },
      text: "Open Grantdesk to review them.",
      html: "<p>Open Grantdesk to review them.</p>",
    });
    expect(messages[0]!.username).toBeNull();
    expect(JSON.stringify(messages)).not.toContain("hunter2");
  });
});

describe("the /_sinks page and reset", () => {
  it("lists Slack messages and mail, newest first; a reset clears both", async () => {
    await slack("ops", JSON.stringify({ text: "first <b>message</b>" }));
    await slack("ops", JSON.stringify({ text: "second message" }));
    const html = await (await fetch(`${fake.url}/_sinks`)).text();
    expect(html).toContain("<h2 id=\"slack-heading\">Slack (2)</h2>");
    expect(html.indexOf("second message")).toBeLessThan(html.indexOf("first &lt;b&gt;message&lt;/b&gt;"));
    expect(html).toContain("No mail yet.");
    await control(fake, "reset", {});
    expect((await slackState()).messages).toEqual([]);
    expect(await (await fetch(`${fake.url}/_sinks`)).text()).toContain("No Slack messages yet.");
  });
});
