import "server-only";
import { and, eq } from "drizzle-orm";
import { GONE_REASONS, type GoneReason } from "@/lib/contract/pat-rows";
import { patInventory } from "@/lib/db/inventory-schema";
import { notificationChannels } from "@/lib/db/notifications-schema";
import type { Database } from "@/lib/db/open-database";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { SecretBoxError, type SecretBox } from "@/lib/security/secret-box";
import { renderEmailMessage } from "./email-message";
import type { NotificationContent, RequestFacts } from "./notification-content";
import { settleNotification, type NotificationRow, type SendOutcome } from "./notification-queue";
import { customSmtpServer, parseSmtpUrl, sendEmail, type SmtpServer } from "./send-email";
import { SendError } from "./send-error";
import { sendSlack } from "./send-slack";
import { slackUrlContext, smtpPasswordContext, type ChannelRow } from "./settings-store";
import { renderSlackMessage } from "./slack-message";

// One attempt at one claimed notification: find its channel, check it is still worth sending (a
// request reviewed meanwhile is skipped), open the channel's secret, render, send, and record
// the outcome. Nothing here runs inside a review or revoke: the notifier calls it on its own.

export interface DeliveryDeps {
  database: Database;
  box: SecretBox;
  /** This instance among several: the lease owner. */
  owner: string;
  appUrl: string;
  /** The instance's own mail server (SMTP_URL) and sender. */
  instanceSmtp: { url: string | undefined; from: string };
  /** The first repositories a `subset` request asks for, from GitHub; null when they cannot be read. */
  requestRepositories?: (org: string, id: number) => Promise<RequestFacts["repositories"]>;
  now?: () => Date;
  backoffBaseMs?: number;
  slackTimeoutMs?: number;
}

/** The sender when neither the channel nor SMTP_FROM names one: grantdesk@ the dashboard's host. */
export function defaultSender(appUrl: string): string {
  const host = new URL(appUrl).hostname;
  const domain = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(host) && !/^[\d.]+$/.test(host) ? host : "localhost";
  return `Grantdesk <grantdesk@${domain}>`;
}

async function stillPending(database: Database, org: string, id: number): Promise<string | null> {
  const [row] = await database
    .select({ goneAt: patInventory.goneAt, goneReason: patInventory.goneReason })
    .from(patInventory)
    .where(and(eq(patInventory.org, org), eq(patInventory.kind, "requests"), eq(patInventory.id, id)));
  if (!row?.goneAt) return null;
  const reason = GONE_REASONS[(row.goneReason ?? "reviewed_outside") as GoneReason] ?? "Reviewed";
  return `The request is no longer pending (${reason.toLowerCase()}) — not sent`;
}

async function withRepositories(content: NotificationContent, deps: DeliveryDeps): Promise<NotificationContent> {
  if ((content.type !== "new_request" && content.type !== "pending_request") || content.request.repositorySelection !== "subset" || !deps.requestRepositories) return content;
  const repositories = await deps.requestRepositories(content.org, content.request.id).catch(() => null);
  return { ...content, request: { ...content.request, repositories } };
}

function mailServer(channel: ChannelRow, deps: DeliveryDeps): { server: SmtpServer; from: string } {
  if (channel.config.kind !== "email") throw new Error("not an email channel");
  const smtp = channel.config.smtp;
  if (smtp.mode === "instance") {
    if (!deps.instanceSmtp.url) throw new SendError({ message: "This server has no mail server (SMTP_URL is not set): give the channel an SMTP server", retryable: false });
    return { server: parseSmtpUrl(deps.instanceSmtp.url), from: deps.instanceSmtp.from };
  }
  const password = channel.secretSealed ? deps.box.open(channel.secretSealed, smtpPasswordContext(channel.org, channel.id)) : null;
  return { server: customSmtpServer(smtp, password), from: smtp.from };
}

async function attempt(row: NotificationRow, deps: DeliveryDeps): Promise<SendOutcome> {
  const [channel] = await deps.database.select().from(notificationChannels).where(and(eq(notificationChannels.id, row.channelId), eq(notificationChannels.org, row.org)));
  if (!channel) return { kind: "skipped", reason: "The channel was removed — not sent" };
  if (!channel.enabled && row.trigger !== "test") return { kind: "skipped", reason: "The channel is switched off — not sent" };
  let content = row.payload as NotificationContent;
  if (content.type === "new_request" || content.type === "pending_request") {
    const gone = await stillPending(deps.database, row.org, content.request.id);
    if (gone) return { kind: "skipped", reason: gone };
    content = await withRepositories(content, deps);
  }
  const render = { appUrl: deps.appUrl, now: deps.now?.() ?? new Date() };
  try {
    if (channel.config.kind === "slack") {
      if (!channel.secretSealed) return { kind: "failed", failure: { message: "The channel has no webhook URL: save one", retryable: false } };
      const url = deps.box.open(channel.secretSealed, slackUrlContext(channel.org, channel.id));
      await sendSlack(url, renderSlackMessage(content, render), deps.slackTimeoutMs);
    } else {
      const { server, from } = mailServer(channel, deps);
      await sendEmail(server, { from, to: channel.config.recipients }, renderEmailMessage(content, render));
    }
    return { kind: "sent" };
  } catch (error) {
    if (error instanceof SendError) return { kind: "failed", failure: error.failure };
    if (error instanceof SecretBoxError) {
      return { kind: "failed", failure: { message: "The channel's saved secret does not open with this server's AUTH_SECRET: enter it again", retryable: false } };
    }
    console.error(`[notifications] sending ${row.id} failed: ${redactSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
    return { kind: "failed", failure: { message: "Grantdesk failed while sending (logged on the server)", retryable: true } };
  }
}

/** Makes one attempt and records its outcome; answers the record as it now stands. */
export async function deliverNotification(row: NotificationRow, deps: DeliveryDeps): Promise<NotificationRow | null> {
  const outcome = await attempt(row, deps);
  return settleNotification(deps.database, row, deps.owner, outcome, { backoffBaseMs: deps.backoffBaseMs });
}
