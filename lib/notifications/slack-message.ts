import type { IncomingWebhookSendArguments } from "@slack/webhook";
import { formatDate } from "@/lib/format/format-date";
import {
  agoText,
  count,
  expiryText,
  jobOutcome,
  links,
  permissionLines,
  repositoryAccess,
  titleOf,
  type DigestList,
  type NotificationContent,
  type RenderContext,
  type RequestFacts,
  waitedText,
} from "./notification-content";

// A notification as a Slack Block Kit message: a header, the facts as mrkdwn, a "Review in
// Grantdesk" button, and `text` as the fallback Slack shows in notifications and old clients.
// Everything that came from a person (token names, reasons) is escaped, so a reason cannot
// @-mention a channel or forge a link.

export type SlackMessage = Required<Pick<IncomingWebhookSendArguments, "text" | "blocks">>;
type Block = SlackMessage["blocks"][number];

/** Slack's three control characters; the rest of mrkdwn is harmless in a quote. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Slack refuses a section over 3,000 characters and a header over 150.
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const section = (text: string): Block => ({ type: "section", text: { type: "mrkdwn", text: clip(text, 3000) } });
const fields = (entries: [string, string][]): Block => ({
  type: "section",
  fields: entries.map(([label, value]) => ({ type: "mrkdwn", text: clip(`*${label}*\n${value}`, 2000) })),
});
const header = (text: string): Block => ({ type: "header", text: { type: "plain_text", text: clip(text, 150), emoji: true } });
const button = (text: string, url: string, primary = true): Block => ({
  type: "actions",
  elements: [{ type: "button", text: { type: "plain_text", text }, url, ...(primary ? { style: "primary" as const } : {}) }],
});
const context = (text: string): Block => ({ type: "context", elements: [{ type: "mrkdwn", text: clip(text, 3000) }] });
const link = (url: string, text: string) => `<${url}|${escapeSlack(text)}>`;
const quote = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => `>${escapeSlack(line)}`)
    .join("\n");

function permissionsText(request: Pick<RequestFacts, "permissions">): string {
  const { lines, more } = permissionLines(request.permissions);
  if (lines.length === 0) return "None";
  const shown = lines.map((line) => (line.elevated ? `:warning: *${escapeSlack(line.text)}*` : escapeSlack(line.text)));
  return [...shown, ...(more > 0 ? [`…and ${more} more`] : [])].join("\n");
}

function requestBlocks(request: RequestFacts, orgName: string, { appUrl, now }: RenderContext, lead: string): Block[] {
  const reason = request.reason?.trim() ? quote(request.reason.trim()) : "_No reason given._";
  return [
    section(`${lead}\n${reason}`),
    fields([
      ["Permissions", permissionsText(request)],
      ["Repository access", escapeSlack(repositoryAccess(request))],
      ["Token expires", escapeSlack(expiryText(request.tokenExpiresAt, now))],
      ["Requested", escapeSlack(agoText(request.requestedAt, now))],
    ]),
    button("Review in Grantdesk", links.request(appUrl, orgName, request.id)),
  ];
}

function digestLines<T>(list: DigestList<T>, line: (item: T) => string, empty: string): string {
  if (list.total === 0) return empty;
  const more = list.total - list.items.length;
  return [...list.items.map((item) => `• ${line(item)}`), ...(more > 0 ? [`…and ${count(more, "more", "more")}`] : [])].join("\n");
}

function blocksFor(content: NotificationContent, render: RenderContext): Block[] {
  const { appUrl, now } = render;
  const who = (login: string) => `*${escapeSlack(login)}*`;
  const token = (name: string) => `*${escapeSlack(name)}*`;
  switch (content.type) {
    case "new_request":
      return requestBlocks(content.request, content.org, render, `${who(content.request.requester)} asks for access with the token ${token(content.request.tokenName)}:`);
    case "pending_request":
      return requestBlocks(
        content.request,
        content.org,
        render,
        `${who(content.request.requester)}'s request for ${token(content.request.tokenName)} has waited over ${count(content.hours, "hour")} for a review:`,
      );
    case "token_expiring": {
      const t = content.token;
      return [
        section(`${who(t.owner)}'s token ${token(t.tokenName)} expires ${escapeSlack(expiryText(t.tokenExpiresAt, now))}. Its owner needs a new one to keep this access.`),
        fields([
          ["Permissions", permissionsText(t)],
          ["Repository access", escapeSlack(repositoryAccess({ repositorySelection: t.repositorySelection, repositories: null }))],
          ["Last used", escapeSlack(agoText(t.tokenLastUsedAt, now))],
        ]),
        button("Open in Grantdesk", links.token(appUrl, content.org, t.id)),
      ];
    }
    case "job_finished": {
      const job = content.job;
      return [
        section(`${escapeSlack(jobOutcome(job))}.\n_${escapeSlack(job.description)}_${job.lastError ? `\n:warning: ${escapeSlack(job.lastError)}` : ""}`),
        button("Open the job in Grantdesk", links.job(appUrl, content.org, job.id), job.failed === 0 && job.status === "done"),
      ];
    }
    case "digest": {
      const { pending, expiring, newlyUnused } = content.digest;
      return [
        section(
          `*${count(pending.total, "pending request")}*, oldest first — ${link(links.pendingQueue(appUrl, content.org), "open the queue")}\n` +
            digestLines(pending, (item) => `${link(links.request(appUrl, content.org, item.id), item.tokenName)} from ${who(item.requester)}, waiting ${escapeSlack(waitedText(item.requestedAt, now))}`, "_Nothing waits for a review._"),
        ),
        section(
          `*${count(expiring.total, "token")} expiring within 7 days* — ${link(links.expiringTokens(appUrl, content.org), "see them all")}\n` +
            digestLines(expiring, (item) => `${link(links.token(appUrl, content.org, item.id), item.tokenName)} of ${who(item.owner)}, ${escapeSlack(expiryText(item.tokenExpiresAt, now))}`, "_None._"),
        ),
        section(
          `*${count(newlyUnused.total, "token")} newly unused for 90 days* — ${link(links.unusedTokens(appUrl, content.org), "all tokens unused for 90 days")}\n` +
            digestLines(newlyUnused, (item) => `${link(links.token(appUrl, content.org, item.id), item.tokenName)} of ${who(item.owner)}, last used ${escapeSlack(item.tokenLastUsedAt ? formatDate(item.tokenLastUsedAt) : "never")}`, "_None._"),
        ),
      ];
    }
    case "test":
      return [section(`This is a test from Grantdesk: the channel *${escapeSlack(content.channelName)}* of ${escapeSlack(content.org)} reaches this conversation.`)];
  }
}

export function renderSlackMessage(content: NotificationContent, render: RenderContext): SlackMessage {
  const title = titleOf(content);
  const blocks = [
    header(title),
    ...blocksFor(content, render),
    context(`Sent by Grantdesk · ${link(links.settings(render.appUrl, content.org), "notification settings")}`),
  ];
  return { text: escapeSlack(fallbackText(content, title)), blocks };
}

/** What Slack shows in a phone notification: the title and the one thing to know. */
function fallbackText(content: NotificationContent, title: string): string {
  switch (content.type) {
    case "new_request":
    case "pending_request":
      return `${title}: ${content.request.requester} asks for ${content.request.tokenName}`;
    case "token_expiring":
      return `${title}: ${content.token.owner}'s ${content.token.tokenName}`;
    default:
      return title;
  }
}
