// Notifications on both engines, sent by two notifier "instances" sharing one database (on
// PostgreSQL, two connection pools, so their passes really overlap): each notification goes out
// once, retried with backoff and recorded; a digest once per org per day; secrets sealed at rest.
// fake-github's Slack and mail sinks receive what is sent.

import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "@/fake-github/server";
import { control } from "@/fake-github/test-support";
import { patInventory } from "@/lib/db/inventory-schema";
import { notificationChannels, notifications, notificationSettings } from "@/lib/db/notifications-schema";
import { openDatabase, type Database, type OpenDatabase } from "@/lib/db/open-database";
import { createSecretBox } from "@/lib/security/secret-box";
import { createPostgresDatabase, POSTGRES_SKIPPED, STORAGE_BACKENDS } from "@/test-support/test-databases";
import type { DeliveryDeps } from "./deliver-notification";
import { sendDueNotifications } from "./notifier";
import { queueDigestNow, queueDueNotifications } from "./queue-due";
import { createChannel, defaultTriggers, slackUrlContext } from "./settings-store";

interface SlackSinkMessage {
  channel: string;
  text: string | null;
  blocks: unknown[];
}
interface MailSinkMessage {
  envelope: { from: string; to: string[] };
  subject: string;
  text: string;
  html: string;
}

const box = createSecretBox("notifier-tests-secret-notifier-tests-secret");
const HOUR = 60 * 60_000;
let fake: FakeGitHub;

beforeAll(async () => {
  fake = await startFakeGitHub({ port: 0, seed: 3, requests: 5, tokens: 10 });
});

afterAll(async () => {
  await fake?.close();
});

const slackMessages = async (channel: string) => (await control<{ messages: SlackSinkMessage[] }>(fake, "sinks/slack")).messages.filter((message) => message.channel === channel);
const mailTo = async (address: string) => (await control<{ messages: MailSinkMessage[] }>(fake, "sinks/mail")).messages.filter((message) => message.envelope.to.includes(address));

/** Two handles on one database: the same PGlite, or two pools on one PostgreSQL database. */
async function twoInstances(backend: (typeof STORAGE_BACKENDS)[number]): Promise<{ a: Database; b: Database; close(): Promise<void> }> {
  if (backend.name === "PGlite") {
    const opened = await backend.open();
    return { a: opened.db, b: opened.db, close: () => opened.close() };
  }
  const database = await createPostgresDatabase();
  const first: OpenDatabase = await openDatabase({ databaseUrl: database.url, dataDir: "unused" });
  const second: OpenDatabase = await openDatabase({ databaseUrl: database.url, dataDir: "unused" });
  return {
    a: first.db,
    b: second.db,
    close: async () => {
      await first.close();
      await second.close();
      await database.drop();
    },
  };
}

for (const backend of STORAGE_BACKENDS) {
  describe.skipIf(!backend.available)(`notifications on ${backend.name}${backend.available ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
    let instances: Awaited<ReturnType<typeof twoInstances>>;
    let org: string;
    let slackChannel: string;
    let mailbox: string;
    let nextId = 1_000_000;

    let backoffBaseMs = 20;
    const deps = (database: Database, owner: string): DeliveryDeps => ({
      database,
      box,
      owner,
      appUrl: "http://grantdesk.test",
      instanceSmtp: { url: `smtp://127.0.0.1:${fake.smtpPort}`, from: "Grantdesk <grantdesk@grantdesk.test>" },
      backoffBaseMs,
    });
    /** Both instances look for due notifications and send them, at the same time. */
    const bothPass = async () => {
      await Promise.all([queueDueNotifications(instances.a), queueDueNotifications(instances.b)]);
      await Promise.all([sendDueNotifications(deps(instances.a, "instance-a")), sendDueNotifications(deps(instances.b, "instance-b"))]);
    };
    const addRequest = async (changes: Partial<typeof patInventory.$inferInsert> = {}) => {
      const id = nextId++;
      await instances.a.insert(patInventory).values({
        org,
        kind: "requests",
        id,
        tokenId: id + 4_000_000,
        tokenName: `token-${id}`,
        ownerLogin: "hubot",
        ownerId: 480938,
        ownerAvatarUrl: "http://avatars/1",
        reason: "Nightly wiki backups",
        permissions: { organization: {}, repository: { contents: "write", metadata: "read" }, other: {} },
        repositorySelection: "all",
        maxLevel: 2,
        listedAt: new Date(),
        tokenExpired: false,
        tokenExpiresAt: new Date(Date.now() + 30 * 24 * HOUR),
        tokenLastUsedAt: null,
        ...changes,
      });
      return id;
    };
    const records = (trigger?: string) =>
      instances.a
        .select()
        .from(notifications)
        .where(trigger ? and(eq(notifications.org, org), eq(notifications.trigger, trigger as "new_request")) : eq(notifications.org, org));

    beforeAll(async () => {
      instances = await twoInstances(backend);
    });

    afterAll(async () => {
      await instances?.close();
    });

    beforeEach(async () => {
      backoffBaseMs = 20;
      // A fresh org (and Slack channel, mailbox) per test: nothing of an earlier test counts.
      org = `org-${randomUUID().slice(0, 8)}`;
      slackChannel = `${org}-owners`;
      mailbox = `owners@${org}.example`;
      const since = new Date(Date.now() - HOUR);
      // The digest is the last test's alone: at its hour it would join every test's messages.
      await instances.a.insert(notificationSettings).values({ org, triggers: { ...defaultTriggers(since), digest: { enabled: false, hour: 9, timeZone: "UTC", since: null } } });
      const options = { box, instanceSmtp: true, actor: "mona", now: since };
      await createChannel(instances.a, org, { kind: "slack", name: "#owners", url: `${fake.url}/_sinks/slack/${slackChannel}` }, options);
      await createChannel(instances.a, org, { kind: "email", name: "Owners", recipients: [mailbox], smtp: { mode: "instance" } }, options);
    });

    it("sends a new request once to each channel, however many instances look at once", async () => {
      const id = await addRequest();
      for (let round = 0; round < 3; round++) await bothPass();

      const slack = await slackMessages(slackChannel);
      expect(slack).toHaveLength(1);
      expect(JSON.stringify(slack[0]!.blocks)).toContain(`http://grantdesk.test/orgs/${org}/requests?request=${id}`);
      expect(slack[0]!.text).toContain(`hubot asks for token-${id}`);
      const mail = await mailTo(mailbox);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toBe(`[Grantdesk] New request from hubot: token-${id}`);
      expect(mail[0]!.text).toContain("> Nightly wiki backups");
      expect(mail[0]!.envelope.from).toBe("grantdesk@grantdesk.test");

      const rows = await records("new_request");
      expect(rows.map((row) => [row.channelKind, row.status, row.attempts, row.subject])).toEqual(
        expect.arrayContaining([
          ["slack", "sent", 1, String(id)],
          ["email", "sent", 1, String(id)],
        ]),
      );
      expect(rows).toHaveLength(2);
      expect(rows.find((row) => row.channelKind === "email")!.recipient).toBe(mailbox);
    });

    it("leaves out requests from before notifications were switched on, and requests reviewed before the send", async () => {
      await addRequest({ listedAt: new Date(Date.now() - 2 * HOUR) });
      const reviewed = await addRequest();
      await Promise.all([queueDueNotifications(instances.a), queueDueNotifications(instances.b)]);
      await instances.a.update(patInventory).set({ goneAt: new Date(), goneReason: "approved" }).where(and(eq(patInventory.org, org), eq(patInventory.id, reviewed)));
      await sendDueNotifications(deps(instances.b, "instance-b"));

      expect(await slackMessages(slackChannel)).toEqual([]);
      const rows = await records();
      expect(rows.map((row) => [row.subject, row.status])).toEqual([
        [String(reviewed), "skipped"],
        [String(reviewed), "skipped"],
      ]);
      expect(rows[0]!.lastError).toBe("The request is no longer pending (approved in grantdesk) — not sent");
    });

    it("retries a failing Slack with backoff, records each attempt, and sends once it answers", async () => {
      // Retries 320–480 ms, then 1.3–1.9 s later: each pass ends before the next attempt is due.
      backoffBaseMs = 400;
      await control(fake, "sinks/slack/failures", { status: 503, times: 2, channel: slackChannel });
      await addRequest();
      // The failure comes after this moment, and the first retry at least 320 ms after the failure
      // (a bound that holds however slowly the passes run on a busy machine).
      const beforeFirstAttempt = Date.now();
      await bothPass();
      let [slack] = (await records("new_request")).filter((row) => row.channelKind === "slack");
      expect(slack).toMatchObject({ status: "queued", attempts: 1, lastError: "Slack answered 503 (service_unavailable)" });
      expect(slack!.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(beforeFirstAttempt + 320);

      for (let round = 0; round < 40 && slack!.status !== "sent"; round++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await bothPass();
        [slack] = (await records("new_request")).filter((row) => row.channelKind === "slack");
      }
      expect(slack).toMatchObject({ status: "sent", attempts: 3, lastError: null });
      expect(await slackMessages(slackChannel)).toHaveLength(1);
      const { refused } = await control<{ refused: { channel: string; status: number }[] }>(fake, "sinks/slack");
      expect(refused.filter((entry) => entry.channel === slackChannel).map((entry) => entry.status)).toEqual([503, 503]);
      // The email channel was never held up by Slack's trouble.
      expect((await records("new_request")).find((row) => row.channelKind === "email")).toMatchObject({ status: "sent", attempts: 1 });
    });

    it("fails at once, with Slack's answer, when the webhook is gone", async () => {
      const [channel] = await instances.a.select().from(notificationChannels).where(and(eq(notificationChannels.org, org), eq(notificationChannels.kind, "slack")));
      await instances.a
        .update(notificationChannels)
        .set({ secretSealed: box.seal(`${fake.url}/_sinks/nowhere/${slackChannel}`, slackUrlContext(org, channel!.id)) })
        .where(eq(notificationChannels.id, channel!.id));
      await addRequest();
      await bothPass();
      const [slack] = (await records("new_request")).filter((row) => row.channelKind === "slack");
      expect(slack).toMatchObject({ status: "failed", attempts: 1 });
      expect(slack!.lastError).toMatch(/^Slack answered 404/);
      expect(slack!.lastError).not.toContain(fake.url);
    });

    it("sends the daily digest once per channel per day across instances, at its hour", async () => {
      const hour = new Date().getUTCHours();
      const since = new Date(Date.now() - 2 * 24 * HOUR);
      await instances.a
        .update(notificationSettings)
        .set({
          triggers: {
            ...defaultTriggers(since),
            newRequest: { enabled: false, since: null },
            pendingRequest: { enabled: false, hours: 24, since: null },
            digest: { enabled: true, hour, timeZone: "UTC", since: since.toISOString() },
          },
        })
        .where(eq(notificationSettings.org, org));
      await instances.a.update(notificationChannels).set({ enabledSince: since }).where(eq(notificationChannels.org, org));
      const oldest = await addRequest({ listedAt: new Date(Date.now() - 5 * 24 * HOUR) });
      await addRequest({ listedAt: new Date(Date.now() - 24 * HOUR) });

      for (let round = 0; round < 3; round++) await bothPass();
      const digests = await records("digest");
      expect(digests).toHaveLength(2);
      expect(new Set(digests.map((row) => row.subject))).toEqual(new Set([new Date().toISOString().slice(0, 10)]));
      const slack = await slackMessages(slackChannel);
      expect(slack).toHaveLength(1);
      const text = JSON.stringify(slack[0]!.blocks);
      expect(text).toContain("2 pending requests");
      expect(text.indexOf(`request=${oldest}`)).toBeGreaterThan(-1);
      expect(text.indexOf(`request=${oldest}`)).toBeLessThan(text.indexOf(`request=${oldest + 1}`));

      // "Send digest now" is another digest, whenever asked.
      await queueDigestNow(instances.b, org, defaultTriggers(since));
      await bothPass();
      expect(await slackMessages(slackChannel)).toHaveLength(2);
    });

    it("keeps the Slack URL sealed at rest", async () => {
      const [channel] = await instances.a.select().from(notificationChannels).where(and(eq(notificationChannels.org, org), eq(notificationChannels.kind, "slack")));
      expect(channel!.secretSealed).toMatch(/^v1\./);
      expect(JSON.stringify(channel)).not.toContain("_sinks/slack");
      expect(channel!.secretHint).toBe(`127.0.0.1:${fake.port}/…ners`);
      expect(box.open(channel!.secretSealed!, slackUrlContext(org, channel!.id))).toBe(`${fake.url}/_sinks/slack/${slackChannel}`);
    });
  });
}
