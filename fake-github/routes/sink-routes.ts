// The stand-ins for Slack and a mail server, so the demo and tests can see Grantdesk's
// notifications: `POST /_sinks/slack/{channel}` takes Slack incoming-webhook posts, the SMTP sink
// (sinks/mail-sink.ts) takes mail; `GET /_sinks` shows both, newest first; `/_fake/sinks/…` is the
// JSON view and the failure control. Outside the API: never logged, faulted or rate-limited.

import { Hono } from "hono";
import { z } from "zod";
import { readControlBody } from "../control-body";
import { escapeHtml, page } from "../html";
import type { MailMessage } from "../sinks/mail-sink";
import type { SlackMessage } from "../sinks/slack-sink";
import type { FakeEnv, FakeState } from "../state";

const CHANNEL = "[A-Za-z0-9_.-]{1,80}";

const failureSchema = z
  .object({
    channel: z.string().regex(new RegExp(`^${CHANNEL}$`)).optional(),
    status: z.union([z.literal(429), z.literal(500), z.literal(503)]),
    times: z.number().int().min(1).max(100),
    retryAfter: z.number().int().min(0).max(3_600).optional(),
  })
  .strict();

function slackItem(message: SlackMessage): string {
  const text = message.text ?? "(blocks only)";
  return `<li><span class="who"><strong>#${escapeHtml(message.channel)}</strong><span class="role">${escapeHtml(message.receivedAt)}</span><pre>${escapeHtml(text)}</pre>${
    message.blocks ? `<details><summary>Blocks</summary><pre>${escapeHtml(JSON.stringify(message.blocks, null, 2))}</pre></details>` : ""
  }</span></li>`;
}

function mailItem(message: MailMessage): string {
  return `<li><span class="who"><strong>${escapeHtml(message.subject ?? "(no subject)")}</strong><span class="role">${escapeHtml(
    `${message.receivedAt} · from ${message.from ?? message.envelope.from ?? "?"} to ${(message.to.length ? message.to : message.envelope.to).join(", ")}`,
  )}</span><pre>${escapeHtml(message.text ?? "")}</pre></span></li>`;
}

export function sinkRoutes(state: FakeState): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>();

  app.post(`/_sinks/slack/:channel{${CHANNEL}}`, async (c) => {
    const answer = state.slack.receive(c.req.param("channel"), await c.req.text(), c.req.header("content-type"));
    return c.body(answer.body, answer.status, answer.headers);
  });

  app.get("/_fake/sinks/slack", (c) => c.json(state.slack.list()));

  app.post("/_fake/sinks/slack/failures", async (c) => {
    const read = await readControlBody(c, failureSchema);
    if ("response" in read) return read.response;
    const { channel, status, times, retryAfter } = read.value;
    state.slack.fail({ channel: channel ?? null, status, times, retryAfter: retryAfter ?? null });
    return c.json({ failures: state.slack.list().failures });
  });

  app.get("/_fake/sinks/mail", (c) => c.json({ messages: state.mail.list() }));

  app.get("/_sinks", (c) => {
    const slack = state.slack.list().messages;
    const mail = state.mail.list();
    const list = (items: string[], empty: string) => (items.length ? `<ul>\n${items.join("\n")}\n</ul>` : `<p class="note">${empty}</p>`);
    return c.html(
      page(
        "Notifications received",
        `<h1>Notifications received</h1>
<p class="note">What Grantdesk sent to fake-github's Slack and mail stand-ins, newest first. Reload to see new ones.</p>
<section aria-labelledby="slack-heading"><h2 id="slack-heading">Slack (${slack.length})</h2>
${list(slack.map(slackItem), "No Slack messages yet.")}</section>
<section aria-labelledby="mail-heading"><h2 id="mail-heading">Mail (${mail.length})</h2>
${list(mail.map(mailItem), "No mail yet.")}</section>`,
        true,
      ),
    );
  });

  return app;
}
