// Notifications as an owner sets them up and receives them: sign in through fake-github's OAuth
// page, add a Slack channel and an email channel on the settings page, a member requests a token
// on "GitHub", a sync brings it in, and fake-github's Slack stand-in receives exactly one message
// saying who asks for what and why, with a link that opens that request's panel; the mail sink
// receives the email; "Send digest now" sends a digest listing what is pending, oldest first.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { USERS } from "@/fake-github/world";
import { expectNoSeriousViolations } from "./axe";
import { APP_URL, FAKE_URL, OWNER } from "./e2e-env";
import { expect, test } from "./fixtures";
import { signInAs } from "./sign-in";

const ORG = "globex";

interface SlackSinkMessage {
  channel: string;
  text: string | null;
  blocks: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { url?: string }[] }[];
}
interface MailSinkMessage {
  envelope: { to: string[] };
  subject: string;
  text: string;
  html: string;
}

async function sink<T>(which: "slack" | "mail"): Promise<T[]> {
  const response = await fetch(`${FAKE_URL}/_fake/sinks/${which}`);
  return ((await response.json()) as { messages: T[] }).messages;
}

async function createRequest(body: Record<string, unknown>): Promise<{ id: number; repositoryIds: number[] }> {
  const response = await fetch(`${FAKE_URL}/_fake/orgs/${ORG}/requests`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: number; repositoryIds: number[] };
}

const blockText = (message: SlackSinkMessage) =>
  message.blocks.flatMap((block) => [block.text?.text ?? "", ...(block.fields ?? []).map((field) => field.text)]).join("\n");
const buttonUrls = (message: SlackSinkMessage) => message.blocks.flatMap((block) => (block.elements ?? []).flatMap((element) => (element.url ? [element.url] : [])));

// Signs in afresh through fake-github's OAuth page (not the saved session).
test.use({ storageState: { cookies: [], origins: [] } });

async function addSlackChannel(page: Page, name: string, url: string) {
  await page.getByRole("button", { name: "Add Slack channel" }).click();
  const form = page.getByRole("form", { name: "New Slack channel" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Incoming webhook URL").fill(url);
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByRole("listitem", { name })).toBeVisible();
}

async function addEmailChannel(page: Page, name: string, recipient: string) {
  await page.getByRole("button", { name: "Add email channel" }).click();
  const form = page.getByRole("form", { name: "New email channel" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Recipients").fill(recipient);
  await expect(form.getByRole("radio", { name: /This server's mail server/ })).toBeChecked();
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByRole("listitem", { name })).toBeVisible();
}

test("a new request reaches Slack once and the mailbox, its link opens the request; the digest lists what is pending", async ({ page, fake }) => {
  test.setTimeout(120_000);
  const run = randomBytes(3).toString("hex");
  const slackChannel = `globex-owners-${run}`;
  const slackUrl = `${FAKE_URL}/_sinks/slack/${slackChannel}`;
  const mailbox = `owners-${run}@globex.example`;

  await signInAs(page, OWNER, `/orgs/${ORG}/settings`);
  await expect(page).toHaveURL(new RegExp(`/orgs/${ORG}/settings$`));
  await expect(page.getByRole("heading", { name: "Notifications", exact: true })).toBeVisible();

  // A bad URL is refused with the reason, and nothing is added.
  await page.getByRole("button", { name: "Add Slack channel" }).click();
  const form = page.getByRole("form", { name: "New Slack channel" });
  await form.getByLabel("Name").fill("#wrong");
  await form.getByLabel("Incoming webhook URL").fill("http://hooks.slack.com/services/T0/B0/X");
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(form.getByRole("alert")).toContainText("url: must be an https:// URL");
  await form.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("listitem", { name: "#wrong" })).toHaveCount(0);

  await addSlackChannel(page, `#owners-${run}`, slackUrl);
  await addEmailChannel(page, `Owners ${run}`, mailbox);
  // The saved URL is never shown again: only where it posts.
  await expect(page.getByRole("listitem", { name: `#owners-${run}` })).toContainText(`Slack webhook · 127.0.0.1:${new URL(FAKE_URL).port}/…${slackChannel.slice(-4)}`);
  await expect(page.locator("body")).not.toContainText(slackUrl);

  // The digest's hour far from now, so only "Send digest now" sends one in this test.
  const hour = (new Date().getUTCHours() + 12) % 24;
  await page.getByLabel("Digest hour").selectOption(String(hour));
  await page.getByLabel("Digest time zone").fill("UTC");
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByText("Notification settings saved")).toBeVisible();

  // A member asks for a token on GitHub; a sync (Refresh) brings it in.
  const tokenName = `e2e-notify-${run}`;
  const reason = `Rotate the staging deploy key (${run})`;
  // Write access to a few repositories (fake-github picks 1–5 of them).
  const created = await createRequest({ owner: USERS.hubot.login, tokenName, reason, permissions: { repository: { contents: "write", metadata: "read" } } });
  await page.goto(`/orgs/${ORG}/requests`);
  await page.getByRole("button", { name: "Refresh" }).click();

  const newRequestMessages = async () => (await sink<SlackSinkMessage>("slack")).filter((message) => message.channel === slackChannel && message.text?.startsWith(`New token request in ${ORG}`));
  await expect.poll(async () => (await newRequestMessages()).length, { timeout: 30_000 }).toBe(1);
  const [message] = await newRequestMessages();
  const text = blockText(message!);
  expect(message!.text).toBe(`New token request in ${ORG}: hubot asks for ${tokenName}`);
  expect(text).toContain(`*hubot* asks for access with the token *${tokenName}*`);
  expect(text).toContain(`>${reason}`);
  expect(text).toContain("*Permissions*\n:warning: *Contents: write*\nMetadata: read");
  // Which repositories, as GitHub lists them for the request.
  const repositories = created.repositoryIds.length;
  expect(text).toMatch(new RegExp(`\\*Repository access\\*\\n${repositories} selected repositor${repositories === 1 ? "y" : "ies"}: [\\w.-]+`));
  const link = `${APP_URL}/orgs/${ORG}/requests?request=${created.id}`;
  expect(buttonUrls(message!)).toContain(link);

  // The email says the same.
  await expect.poll(async () => (await sink<MailSinkMessage>("mail")).filter((mail) => mail.envelope.to.includes(mailbox) && mail.subject.includes(tokenName)).length, { timeout: 15_000 }).toBe(1);
  const mail = (await sink<MailSinkMessage>("mail")).find((entry) => entry.envelope.to.includes(mailbox) && entry.subject.includes(tokenName))!;
  expect(mail.subject).toBe(`[Grantdesk] New request from hubot: ${tokenName}`);
  expect(mail.text).toContain(`> ${reason}`);
  expect(mail.text).toContain(`Review in Grantdesk: ${link}`);
  expect(mail.html).toContain(`href="${link.replace(/&/g, "&amp;")}"`);

  // The link opens that request's panel.
  await page.goto(link);
  await expect(page.getByRole("dialog", { name: tokenName })).toBeVisible();
  await expect(page.getByRole("dialog", { name: tokenName })).toContainText(reason);

  // Later passes send nothing more for it.
  await page.waitForTimeout(5_000);
  expect(await newRequestMessages()).toHaveLength(1);

  // The record on the settings page: what, to whom, outcome.
  await page.goto(`/orgs/${ORG}/settings`);
  const log = page.getByRole("table", { name: "Recent notifications" });
  await expect(log.getByRole("row").filter({ hasText: `New request from hubot: ${tokenName}` })).toHaveCount(2);
  await expect(log.getByRole("row").filter({ hasText: mailbox })).toContainText("Sent");
  await expectNoSeriousViolations(page);

  // "Send digest now": pending requests oldest first, with the count and a link to the queue.
  await page.getByRole("button", { name: "Send digest now" }).click();
  await expect(page.getByText("Digest queued for 2 channels")).toBeVisible();
  const digests = async () => (await sink<SlackSinkMessage>("slack")).filter((entry) => entry.channel === slackChannel && entry.text?.startsWith(`Daily digest for ${ORG}`));
  await expect.poll(async () => (await digests()).length, { timeout: 15_000 }).toBe(1);
  const digest = blockText((await digests())[0]!);
  const pending = (await fake.records(ORG, "requests", "pending")) as unknown as { id: number; createdAt: number }[];
  expect(digest).toContain(`*${pending.length} pending requests*, oldest first`);
  expect(digest).toContain(`${APP_URL}/orgs/${ORG}/requests?sort=listed&direction=asc`);
  // GitHub gives request times to the second; ties go by id, as Grantdesk orders them.
  const oldestFirst = [...pending].sort((a, b) => Math.floor(a.createdAt / 1000) - Math.floor(b.createdAt / 1000) || a.id - b.id).slice(0, 10).map((record) => record.id);
  const listed = [...digest.matchAll(/requests\?request=(\d+)\|/g)].map((match) => Number(match[1]));
  expect(listed).toEqual(oldestFirst);
  expect(digest).toContain(`…and ${pending.length - 10} more`);
  expect(digest).toMatch(/tokens? expiring within 7 days\* — <[^|]+signal=expiring-7/);
  await expect.poll(async () => (await sink<MailSinkMessage>("mail")).filter((entry) => entry.envelope.to.includes(mailbox) && entry.subject.startsWith("[Grantdesk] Digest:")).length, { timeout: 15_000 }).toBe(1);
});
