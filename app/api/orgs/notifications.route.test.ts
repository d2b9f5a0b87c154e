// The notification routes against a running fake-github (its Slack and mail sinks receive what is
// sent): input checked with zod (a bad URL or setting is a 400 and nothing is saved), secrets
// never in any answer once saved, owners only, test messages, "Send digest now", the record list.

import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteContext } from "@/lib/api/api-route";
import type { ChannelView, DigestQueued, NotificationRecord, NotificationSettingsView, TestSendResult, TriggerSettings } from "@/lib/contract/notifications";
import type { Page } from "@/lib/contract/pat-rows";
import { notifierSettled } from "@/lib/notifications/notifier";
import { startFakeGitHubEnv, type Caller, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { DELETE as deleteChannel, PATCH as patchChannel } from "./[org]/notifications/channels/[id]/route";
import { POST as testChannel } from "./[org]/notifications/channels/[id]/test/route";
import { POST as addChannel } from "./[org]/notifications/channels/route";
import { POST as digestNow } from "./[org]/notifications/digest/route";
import { GET as listRecords } from "./[org]/notifications/route";
import { GET as getSettings, PUT as putSettings } from "./[org]/notifications/settings/route";

type Handler = (req: NextRequest, context: RouteContext) => Promise<Response>;

let github: FakeGitHubEnv;
/** Every answer's text, to search for secrets at the end. */
const answers: string[] = [];
const SLACK_PATH = "/_sinks/slack/acme-owners-T0SECRET";
const SMTP_PASSWORD = "smtp-password-Zq8-never-shown";

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 21 });
  await github.sync("acme", ["requests"]);
});

afterAll(async () => {
  await notifierSettled();
  await github?.close();
});

async function call(handler: Handler, method: string, path: string, params: Record<string, string>, body?: unknown, as: Caller = "mona") {
  const headers = await github.browserHeaders(as);
  const init = body === undefined ? { method, headers } : { method, headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) };
  const response = await handler(new NextRequest(`http://grantdesk.test${path}`, init), { params: Promise.resolve(params) });
  const text = await response.text();
  answers.push(text);
  return { status: response.status, body: JSON.parse(text) as never };
}

const acme = { org: "acme" };
const settings = async () => (await call(getSettings, "GET", "/api/orgs/acme/notifications/settings", acme)).body as NotificationSettingsView;
const sink = async <T>(which: "slack" | "mail") => (await github.control(`sinks/${which}`)).messages as T[];

const TRIGGERS: TriggerSettings = {
  newRequest: { enabled: true },
  pendingRequest: { enabled: false, hours: 48 },
  tokenExpiring: { enabled: true, days: 3 },
  jobFinished: { enabled: true },
  digest: { enabled: true, hour: 8, timeZone: "Europe/Berlin" },
};

describe("settings", () => {
  it("start as defaults, with no channel", async () => {
    const view = await settings();
    expect(view).toMatchObject({ org: "acme", channels: [], instanceSmtp: true, updatedAt: null });
    expect(view.triggers).toEqual({
      newRequest: { enabled: true },
      pendingRequest: { enabled: true, hours: 24 },
      tokenExpiring: { enabled: true, days: 7 },
      jobFinished: { enabled: true },
      digest: { enabled: true, hour: 9, timeZone: "UTC" },
    });
  });

  it("refuse a bad setting with a 400 naming it, and save nothing", async () => {
    const bad = { triggers: { ...TRIGGERS, pendingRequest: { enabled: true, hours: 0 } } };
    const { status, body } = await call(putSettings, "PUT", "/api/orgs/acme/notifications/settings", acme, bad);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: "bad_request", message: "triggers.pendingRequest.hours: must be from 1 to 720 hours" } });
    const zone = await call(putSettings, "PUT", "/api/orgs/acme/notifications/settings", acme, { triggers: { ...TRIGGERS, digest: { enabled: true, hour: 8, timeZone: "Nowhere/Atlantis" } } });
    expect(zone.status).toBe(400);
    expect((await settings()).updatedAt).toBeNull();
  });

  it("save triggers as given, saying who saved them", async () => {
    const { status, body } = await call(putSettings, "PUT", "/api/orgs/acme/notifications/settings", acme, { triggers: TRIGGERS });
    expect(status).toBe(200);
    expect((body as NotificationSettingsView).triggers).toEqual(TRIGGERS);
    expect(await settings()).toMatchObject({ triggers: TRIGGERS, updatedBy: "mona" });
  });
});

describe("channels", () => {
  let slack: ChannelView;
  let email: ChannelView;

  it("refuse a Slack URL that is not https (nor loopback http), and save nothing", async () => {
    const { status, body } = await call(addChannel, "POST", "/api/orgs/acme/notifications/channels", acme, { kind: "slack", name: "#owners", url: "http://hooks.slack.com/services/T/B/X" });
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: "bad_request", message: "url: must be an https:// URL (http:// only to this machine: localhost, 127.0.0.1 or [::1])" } });
    const noKind = await call(addChannel, "POST", "/api/orgs/acme/notifications/channels", acme, { name: "x" });
    expect(noKind.status).toBe(400);
    expect((await settings()).channels).toEqual([]);
  });

  it("add a Slack channel, answering a hint of the URL, never the URL", async () => {
    const { status, body } = await call(addChannel, "POST", "/api/orgs/acme/notifications/channels", acme, { kind: "slack", name: "#owners", url: `${github.fake.url}${SLACK_PATH}` });
    expect(status).toBe(200);
    slack = body;
    expect(slack).toMatchObject({ kind: "slack", name: "#owners", enabled: true, urlHint: `127.0.0.1:${github.fake.port}/…CRET`, lastResult: null });
  });

  it("add an email channel with its own SMTP server, answering whether a password is set, never the password", async () => {
    const { status, body } = await call(addChannel, "POST", "/api/orgs/acme/notifications/channels", acme, {
      kind: "email",
      name: "Owners",
      recipients: ["Owners@Acme.Example", "mona@acme.example"],
      smtp: { mode: "custom", host: "127.0.0.1", port: github.fake.smtpPort, security: "none", username: "grantdesk", password: SMTP_PASSWORD, from: "Grantdesk <grantdesk@acme.example>" },
    });
    expect(status).toBe(200);
    email = body;
    expect(email).toMatchObject({ kind: "email", recipients: ["owners@acme.example", "mona@acme.example"], smtp: { mode: "custom", username: "grantdesk", passwordSet: true } });
  });

  it("refuse an update of the wrong kind, or to an unknown channel", async () => {
    const path = (id: string) => `/api/orgs/acme/notifications/channels/${id}`;
    const wrong = await call(patchChannel, "PATCH", path(slack.id), { org: "acme", id: slack.id }, { kind: "email", name: "x" });
    expect(wrong).toMatchObject({ status: 400, body: { error: { message: `kind: channel ${slack.id} is a slack channel.` } } });
    const unknown = "00000000-0000-4000-8000-000000000009";
    expect((await call(patchChannel, "PATCH", path(unknown), { org: "acme", id: unknown }, { kind: "slack", enabled: false })).status).toBe(404);
    expect((await call(patchChannel, "PATCH", path("nope"), { org: "acme", id: "nope" }, { kind: "slack", enabled: false })).status).toBe(400);
  });

  it("send a test message through each, recorded, and show the outcome on the channel", async () => {
    const slackTest = await call(testChannel, "POST", `/api/orgs/acme/notifications/channels/${slack.id}/test`, { org: "acme", id: slack.id }, {});
    expect(slackTest.status).toBe(200);
    expect((slackTest.body as TestSendResult).record).toMatchObject({ trigger: "test", status: "sent", attempts: 1, channel: { id: slack.id, kind: "slack", name: "#owners" } });
    const slackMessages = await sink<{ channel: string; text: string }>("slack");
    expect(slackMessages.filter((message) => message.channel === "acme-owners-T0SECRET").map((message) => message.text)).toEqual(["Test message from Grantdesk for acme"]);

    const emailTest = await call(testChannel, "POST", `/api/orgs/acme/notifications/channels/${email.id}/test`, { org: "acme", id: email.id }, {});
    expect((emailTest.body as TestSendResult).record).toMatchObject({ status: "sent", recipient: "owners@acme.example, mona@acme.example" });
    const mail = await sink<{ username: string; envelope: { from: string; to: string[] }; subject: string }>("mail");
    expect(mail[0]).toMatchObject({ username: "grantdesk", envelope: { from: "grantdesk@acme.example", to: ["owners@acme.example", "mona@acme.example"] }, subject: "[Grantdesk] Test message to Owners" });

    const view = await settings();
    expect(view.channels.map((channel) => channel.lastResult?.status)).toEqual(["sent", "sent"]);
  });

  it("show a failing channel's error, with nothing of its URL", async () => {
    await github.control("sinks/slack/failures", { status: 500, times: 1, channel: "acme-owners-T0SECRET" });
    const { body } = await call(testChannel, "POST", `/api/orgs/acme/notifications/channels/${slack.id}/test`, { org: "acme", id: slack.id }, {});
    expect((body as TestSendResult).record).toMatchObject({ status: "failed", attempts: 1, maxAttempts: 1, error: "Slack answered 500 (internal_error)" });
    expect((await settings()).channels[0]!.lastResult).toMatchObject({ status: "failed", error: "Slack answered 500 (internal_error)" });
  });

  it("keep a saved secret when an update leaves it out", async () => {
    const { body } = await call(patchChannel, "PATCH", `/api/orgs/acme/notifications/channels/${email.id}`, { org: "acme", id: email.id }, { kind: "email", name: "Org owners" });
    expect(body).toMatchObject({ name: "Org owners", smtp: { passwordSet: true } });
    const test = await call(testChannel, "POST", `/api/orgs/acme/notifications/channels/${email.id}/test`, { org: "acme", id: email.id }, {});
    expect((test.body as TestSendResult).record.status).toBe("sent");
  });
});

describe("send digest now, and the record list", () => {
  it("queues a digest per channel switched on, sent by the notifier at once", async () => {
    const { status, body } = await call(digestNow, "POST", "/api/orgs/acme/notifications/digest", acme, {});
    expect(status).toBe(200);
    expect((body as DigestQueued).queued).toBe(2);
    await notifierSettled();
    const pending = (await github.counts("acme")).pendingRequests;
    const slackMessages = await sink<{ channel: string; text: string; blocks: unknown[] }>("slack");
    const digest = slackMessages.find((message) => message.text.startsWith("Daily digest for acme"));
    expect(JSON.stringify(digest?.blocks)).toContain(`*${pending} pending requests*, oldest first`);
    const mail = await sink<{ subject: string }>("mail");
    expect(mail[0]!.subject).toMatch(new RegExp(`^\\[Grantdesk\\] Digest: ${pending} pending requests`));
  });

  it("lists every notification newest first, with outcome and attempts", async () => {
    const { body } = await call(listRecords, "GET", "/api/orgs/acme/notifications?per_page=3", acme);
    const page = body as Page<NotificationRecord>;
    expect(page).toMatchObject({ page: 1, perPage: 3, hasNextPage: true });
    expect(page.items.map((record) => [record.trigger, record.status])).toEqual([
      ["digest", "sent"],
      ["digest", "sent"],
      ["test", "sent"],
    ]);
    expect((await call(listRecords, "GET", "/api/orgs/acme/notifications?per_page=500", acme)).status).toBe(400);
  });

  it("refuses a digest when no channel is switched on", async () => {
    const { body } = await call(digestNow, "POST", "/api/orgs/globex/notifications/digest", { org: "globex" }, {});
    expect(body).toMatchObject({ error: { code: "conflict" } });
  });
});

describe("owners only, secrets never", () => {
  it("refuses a member on every notification route", async () => {
    const id = "00000000-0000-4000-8000-000000000001";
    const refused = [
      await call(getSettings, "GET", "/api/orgs/acme/notifications/settings", acme, undefined, "hubot"),
      await call(putSettings, "PUT", "/api/orgs/acme/notifications/settings", acme, { triggers: TRIGGERS }, "hubot"),
      await call(addChannel, "POST", "/api/orgs/acme/notifications/channels", acme, { kind: "slack", name: "x", url: "https://hooks.slack.com/services/T/B/X" }, "hubot"),
      await call(deleteChannel, "DELETE", `/api/orgs/acme/notifications/channels/${id}`, { org: "acme", id }, {}, "hubot"),
      await call(listRecords, "GET", "/api/orgs/acme/notifications", acme, undefined, "hubot"),
    ];
    expect(refused.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403]);
    expect((await settings()).channels).toHaveLength(2);
  });

  it("removes a channel, keeping its records", async () => {
    const [first] = (await settings()).channels;
    const { status } = await call(deleteChannel, "DELETE", `/api/orgs/acme/notifications/channels/${first!.id}`, { org: "acme", id: first!.id }, {});
    expect(status).toBe(200);
    expect((await settings()).channels.map((channel) => channel.id)).not.toContain(first!.id);
    const { body } = await call(listRecords, "GET", "/api/orgs/acme/notifications?per_page=100", acme);
    expect((body as Page<NotificationRecord>).items.some((record) => record.channel.id === first!.id)).toBe(true);
  });

  it("no answer ever held the Slack URL's secret part or the SMTP password", () => {
    expect(answers.length).toBeGreaterThan(20);
    for (const text of answers) {
      expect(text).not.toContain("T0SECRET");
      expect(text).not.toContain(SMTP_PASSWORD);
      expect(text).not.toMatch(/"v1\.[\w-]+\.[\w-]+"/);
    }
  });
});
