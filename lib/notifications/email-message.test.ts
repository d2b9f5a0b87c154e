import { describe, expect, it } from "vitest";
import { REQUEST } from "@/test-support/notification-fixtures";
import { escapeHtml, renderEmailMessage } from "./email-message";
import type { NotificationContent } from "./notification-content";

const render = { appUrl: "https://grantdesk.example.com", now: new Date("2026-11-30T10:00:00Z") };

describe("email for a new request", () => {
  const email = renderEmailMessage({ type: "new_request", org: "acme", request: { ...REQUEST, tokenName: "deploy<script>" } }, render);

  it("has a one-line subject naming requester and token", () => {
    expect(email.subject).toBe("[Grantdesk] New request from hubot: deploy<script>");
    const multiline = renderEmailMessage({ type: "new_request", org: "acme", request: { ...REQUEST, tokenName: "a\r\nBcc: x@evil.example" } }, render);
    expect(multiline.subject).not.toMatch(/[\r\n]/);
  });

  it("says the same in plain text: requester, token, reason, marked permissions, repositories, expiry, link", () => {
    expect(email.text).toContain("hubot asks for access with the token deploy<script>:");
    expect(email.text).toContain("> Deploys the <!channel> wiki\n> every night & more");
    expect(email.text).toContain("Permissions:\n  ! Administration: admin (write/admin)\n  ! Contents: write (write/admin)\n  Members: read\n  Metadata: read");
    expect(email.text).toContain("Repository access:\n  5 selected repositories: api, web and 3 more");
    expect(email.text).toContain("Token expires:\n  20 Dec 2026 (in 20 days)");
    expect(email.text).toContain("Review in Grantdesk: https://grantdesk.example.com/orgs/acme/requests?request=1000042");
  });

  it("and in HTML, with everything a person wrote escaped and write/admin in red", () => {
    expect(email.html).toContain("deploy&lt;script&gt;");
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("Deploys the &lt;!channel&gt; wiki\nevery night &amp; more");
    expect(email.html).toContain('<span style="color:#b91c1c;font-weight:600">Administration: admin (write/admin)</span>');
    expect(email.html).toContain('href="https://grantdesk.example.com/orgs/acme/requests?request=1000042">Review in Grantdesk</a>');
  });
});

describe("email for a digest", () => {
  const content: NotificationContent = {
    type: "digest",
    org: "acme",
    digest: {
      date: "2026-11-30",
      timeZone: "Europe/Berlin",
      pending: { total: 12, items: [{ id: 1000001, tokenName: "old-one", requester: "mona", requestedAt: "2026-11-20T10:00:00Z", permissions: REQUEST.permissions }] },
      expiring: { total: 0, items: [] },
      newlyUnused: { total: 1, items: [{ id: 2000009, tokenName: "stale", owner: "hubot", tokenLastUsedAt: "2026-09-01T08:00:00Z" }] },
    },
  };
  const email = renderEmailMessage(content, render);

  it("lists each section with its count and a link to the filtered table", () => {
    expect(email.subject).toBe("[Grantdesk] Digest: 12 pending requests, 0 tokens expiring within 7 days, 1 token newly unused for 90 days");
    expect(email.text).toContain("12 pending requests, oldest first (Open the queue: https://grantdesk.example.com/orgs/acme/requests?sort=listed&direction=asc)");
    expect(email.text).toContain("  - old-one from mona, waiting 10 days\n    https://grantdesk.example.com/orgs/acme/requests?request=1000001\n  - …and 11 more");
    expect(email.text).toContain("0 tokens expiring within 7 days (See them all: https://grantdesk.example.com/orgs/acme/tokens?signal=expiring-7&sort=expires&direction=asc)\n  None.");
    expect(email.text).toContain("stale of hubot, last used 1 Sept 2026");
    expect(email.html).toContain('href="https://grantdesk.example.com/orgs/acme/tokens?unused_days=90&amp;sort=last-used&amp;direction=desc"');
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});
