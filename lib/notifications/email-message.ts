import { formatDate } from "@/lib/format/format-date";
import {
  agoText,
  count,
  expiryText,
  jobOutcome,
  links,
  permissionLines,
  repositoryAccess,
  summaryOf,
  titleOf,
  type DigestList,
  type NotificationContent,
  type RenderContext,
  type RequestFacts,
  waitedText,
} from "./notification-content";

// A notification as an email: the same facts as the Slack message, as plain text and as simple
// HTML (inline styles only, as mail clients want). Everything that came from a person is escaped
// in the HTML; the subject is one line, with no line breaks a header could be split on.

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A part of the message, written once and rendered twice. */
type Part =
  | { kind: "paragraph"; text: string; strong?: string[] }
  | { kind: "quote"; text: string }
  | { kind: "facts"; rows: { label: string; lines: { text: string; marked?: boolean }[] }[] }
  | { kind: "list"; heading: string; link: { text: string; url: string }; items: { text: string; url?: string }[]; empty: string }
  | { kind: "button"; text: string; url: string };

function permissionRows(permissions: RequestFacts["permissions"]) {
  const { lines, more } = permissionLines(permissions);
  if (lines.length === 0) return [{ text: "None" }];
  return [...lines.map((line) => ({ text: line.elevated ? `${line.text} (write/admin)` : line.text, marked: line.elevated })), ...(more > 0 ? [{ text: `…and ${more} more` }] : [])];
}

function requestParts(request: RequestFacts, orgName: string, { appUrl, now }: RenderContext, lead: string): Part[] {
  return [
    { kind: "paragraph", text: lead },
    request.reason?.trim() ? { kind: "quote", text: request.reason.trim() } : { kind: "paragraph", text: "No reason given." },
    {
      kind: "facts",
      rows: [
        { label: "Permissions", lines: permissionRows(request.permissions) },
        { label: "Repository access", lines: [{ text: repositoryAccess(request) }] },
        { label: "Token expires", lines: [{ text: expiryText(request.tokenExpiresAt, now) }] },
        { label: "Requested", lines: [{ text: agoText(request.requestedAt, now) }] },
      ],
    },
    { kind: "button", text: "Review in Grantdesk", url: links.request(appUrl, orgName, request.id) },
  ];
}

function listItems<T>(list: DigestList<T>, item: (entry: T) => { text: string; url?: string }) {
  const more = list.total - list.items.length;
  return [...list.items.map(item), ...(more > 0 ? [{ text: `…and ${more} more` }] : [])];
}

function partsFor(content: NotificationContent, render: RenderContext): Part[] {
  const { appUrl, now } = render;
  switch (content.type) {
    case "new_request":
      return requestParts(content.request, content.org, render, `${content.request.requester} asks for access with the token ${content.request.tokenName}:`);
    case "pending_request":
      return requestParts(content.request, content.org, render, `${content.request.requester}'s request for ${content.request.tokenName} has waited over ${count(content.hours, "hour")} for a review:`);
    case "token_expiring": {
      const token = content.token;
      return [
        { kind: "paragraph", text: `${token.owner}'s token ${token.tokenName} expires ${expiryText(token.tokenExpiresAt, now)}. Its owner needs a new one to keep this access.` },
        {
          kind: "facts",
          rows: [
            { label: "Permissions", lines: permissionRows(token.permissions) },
            { label: "Repository access", lines: [{ text: repositoryAccess({ repositorySelection: token.repositorySelection, repositories: null }) }] },
            { label: "Last used", lines: [{ text: agoText(token.tokenLastUsedAt, now) }] },
          ],
        },
        { kind: "button", text: "Open in Grantdesk", url: links.token(appUrl, content.org, token.id) },
      ];
    }
    case "job_finished":
      return [
        { kind: "paragraph", text: `${jobOutcome(content.job)}.` },
        { kind: "paragraph", text: content.job.description },
        ...(content.job.lastError ? [{ kind: "paragraph" as const, text: `Why it stopped: ${content.job.lastError}` }] : []),
        { kind: "button", text: "Open the job in Grantdesk", url: links.job(appUrl, content.org, content.job.id) },
      ];
    case "digest": {
      const { pending, expiring, newlyUnused } = content.digest;
      return [
        {
          kind: "list",
          heading: `${count(pending.total, "pending request")}, oldest first`,
          link: { text: "Open the queue", url: links.pendingQueue(appUrl, content.org) },
          items: listItems(pending, (item) => ({ text: `${item.tokenName} from ${item.requester}, waiting ${waitedText(item.requestedAt, now)}`, url: links.request(appUrl, content.org, item.id) })),
          empty: "Nothing waits for a review.",
        },
        {
          kind: "list",
          heading: `${count(expiring.total, "token")} expiring within 7 days`,
          link: { text: "See them all", url: links.expiringTokens(appUrl, content.org) },
          items: listItems(expiring, (item) => ({ text: `${item.tokenName} of ${item.owner}, ${expiryText(item.tokenExpiresAt, now)}`, url: links.token(appUrl, content.org, item.id) })),
          empty: "None.",
        },
        {
          kind: "list",
          heading: `${count(newlyUnused.total, "token")} newly unused for 90 days`,
          link: { text: "All tokens unused for 90 days", url: links.unusedTokens(appUrl, content.org) },
          items: listItems(newlyUnused, (item) => ({ text: `${item.tokenName} of ${item.owner}, last used ${item.tokenLastUsedAt ? formatDate(item.tokenLastUsedAt) : "never"}`, url: links.token(appUrl, content.org, item.id) })),
          empty: "None.",
        },
      ];
    }
    case "test":
      return [{ kind: "paragraph", text: `This is a test from Grantdesk: the channel ${content.channelName} of ${content.org} reaches this mailbox.` }];
  }
}

function toText(part: Part): string {
  switch (part.kind) {
    case "paragraph":
      return part.text;
    case "quote":
      return part.text
        .split(/\r?\n/)
        .map((line) => `> ${line}`)
        .join("\n");
    case "facts":
      return part.rows.map((row) => `${row.label}:\n${row.lines.map((line) => `  ${line.marked ? "! " : ""}${line.text}`).join("\n")}`).join("\n");
    case "list":
      return `${part.heading} (${part.link.text}: ${part.link.url})\n${part.items.length === 0 ? `  ${part.empty}` : part.items.map((item) => `  - ${item.text}${item.url ? `\n    ${item.url}` : ""}`).join("\n")}`;
    case "button":
      return `${part.text}: ${part.url}`;
  }
}

const STYLE = {
  body: "font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#18181b",
  quote: "margin:8px 0;padding:4px 12px;border-left:3px solid #a1a1aa;color:#3f3f46;white-space:pre-wrap",
  label: "padding:4px 16px 4px 0;vertical-align:top;color:#71717a;white-space:nowrap",
  marked: "color:#b91c1c;font-weight:600",
  button: "display:inline-block;margin:12px 0;padding:8px 14px;border-radius:6px;background:#4f46e5;color:#ffffff;text-decoration:none;font-weight:600",
  link: "color:#4338ca",
  footer: "margin-top:24px;color:#71717a;font-size:12px",
};

function toHtml(part: Part): string {
  switch (part.kind) {
    case "paragraph":
      return `<p>${escapeHtml(part.text)}</p>`;
    case "quote":
      return `<blockquote style="${STYLE.quote}">${escapeHtml(part.text)}</blockquote>`;
    case "facts":
      return `<table role="presentation" style="border-collapse:collapse">${part.rows
        .map(
          (row) =>
            `<tr><td style="${STYLE.label}">${escapeHtml(row.label)}</td><td style="padding:4px 0">${row.lines
              .map((line) => (line.marked ? `<span style="${STYLE.marked}">${escapeHtml(line.text)}</span>` : escapeHtml(line.text)))
              .join("<br>")}</td></tr>`,
        )
        .join("")}</table>`;
    case "list":
      return `<h3 style="margin:16px 0 4px;font-size:14px">${escapeHtml(part.heading)} · <a style="${STYLE.link}" href="${escapeHtml(part.link.url)}">${escapeHtml(part.link.text)}</a></h3>${
        part.items.length === 0
          ? `<p style="color:#71717a">${escapeHtml(part.empty)}</p>`
          : `<ul style="margin:0;padding-left:20px">${part.items.map((item) => `<li>${item.url ? `<a style="${STYLE.link}" href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a>` : escapeHtml(item.text)}</li>`).join("")}</ul>`
      }`;
    case "button":
      return `<p><a style="${STYLE.button}" href="${escapeHtml(part.url)}">${escapeHtml(part.text)}</a></p>`;
  }
}

export function renderEmailMessage(content: NotificationContent, render: RenderContext): EmailMessage {
  const title = titleOf(content);
  const parts = partsFor(content, render);
  const settings = links.settings(render.appUrl, content.org);
  const text = [title, "", ...parts.flatMap((part) => [toText(part), ""]), `-- \nSent by Grantdesk. Notification settings: ${settings}`].join("\n");
  const html = [
    `<!doctype html><html><body style="${STYLE.body}">`,
    `<h2 style="font-size:16px;margin:0 0 12px">${escapeHtml(title)}</h2>`,
    ...parts.map(toHtml),
    `<p style="${STYLE.footer}">Sent by Grantdesk · <a style="${STYLE.link}" href="${escapeHtml(settings)}">notification settings</a></p>`,
    "</body></html>",
  ].join("\n");
  return { subject: `[Grantdesk] ${summaryOf(content)}`.replace(/[\r\n]+/g, " ").slice(0, 200), text, html };
}
