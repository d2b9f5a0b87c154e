import { z } from "zod";
import { SMTP_SECURITY } from "@/lib/contract/notifications";

// What the settings routes accept, checked with zod before anything is stored. Two rules are
// Grantdesk's own: a Slack webhook URL must be https:// — plain http:// only to this machine
// (localhost, 127.0.0.0/8, [::1]), which is where the demo's and the tests' stand-in listens —
// and an SMTP server may be reached without TLS only on this machine too, so a password never
// crosses a network in the clear.

export const MAX_CHANNELS_PER_ORG = 10;
export const MAX_RECIPIENTS = 20;

/** localhost, anything under .localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const SLACK_URL_RULE = "must be an https:// URL (http:// only to this machine: localhost, 127.0.0.1 or [::1])";

export const slackUrlSchema = z
  .string({ error: "is required: the incoming webhook's URL" })
  .trim()
  .max(500, "must be at most 500 characters")
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: SLACK_URL_RULE });
      return;
    }
    const secure = url.protocol === "https:";
    const local = url.protocol === "http:" && isLoopbackHost(url.hostname);
    if (!secure && !local) ctx.addIssue({ code: "custom", message: SLACK_URL_RULE });
    else if (url.username || url.password) ctx.addIssue({ code: "custom", message: "must not hold a user name or password" });
    else if (url.pathname === "/" || url.pathname === "") ctx.addIssue({ code: "custom", message: "must be the webhook's full URL, with its path (https://hooks.slack.com/services/…)" });
  });

const channelName = z.string({ error: "is required" }).trim().min(1, "is required").max(80, "must be at most 80 characters");

const ADDRESS = /^[^\s@<>",;]{1,64}@[^\s@<>",;]{1,255}$/;
const emailAddress = z.string().trim().toLowerCase().max(320).pipe(z.email({ error: "must be an email address" }));

/** `grantdesk@example.com` or `Grantdesk <grantdesk@example.com>`. */
const mailbox = z
  .string()
  .trim()
  .max(200, "must be at most 200 characters")
  .refine((value) => {
    const match = /^(?:([^<>"\r\n]{1,100}?)\s*<([^<>]+)>|([^<>\s]+))$/.exec(value);
    const address = match?.[2] ?? match?.[3];
    return address !== undefined && ADDRESS.test(address);
  }, 'must be an address, or a name and an address: "Grantdesk <grantdesk@example.com>"');

const hostname = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$|^\[[0-9a-f:]+\]$/, "must be a host name or address, e.g. smtp.example.com");

const customSmtpFields = {
  mode: z.literal("custom"),
  host: hostname,
  port: z.number().int().min(1, "must be a port number (1–65535)").max(65535, "must be a port number (1–65535)"),
  security: z.enum(SMTP_SECURITY, { error: 'must be "tls", "starttls" or "none"' }),
  username: z.string().trim().max(200).nullable().optional(),
  /** Omitted on an update: the saved one is kept. Null: no password. */
  password: z.string().max(500).nullable().optional(),
  from: mailbox,
};

const smtpSchema = z
  .discriminatedUnion("mode", [z.strictObject({ mode: z.literal("instance") }), z.strictObject(customSmtpFields)], { error: 'mode must be "instance" or "custom"' })
  .superRefine((smtp, ctx) => {
    if (smtp.mode === "custom" && smtp.security === "none" && !isLoopbackHost(smtp.host)) {
      ctx.addIssue({ code: "custom", path: ["security"], message: 'must be "tls" or "starttls" for a server other than this machine' });
    }
  });

export type SmtpInput = z.output<typeof smtpSchema>;

const recipients = z.array(emailAddress).min(1, "needs at least one address").max(MAX_RECIPIENTS, `may hold at most ${MAX_RECIPIENTS} addresses`);

/** `POST /api/orgs/{org}/notifications/channels`. */
export const channelCreateSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("slack"), name: channelName, enabled: z.boolean().optional(), url: slackUrlSchema }),
    z.strictObject({ kind: z.literal("email"), name: channelName, enabled: z.boolean().optional(), recipients, smtp: smtpSchema }),
  ],
  { error: 'kind must be "slack" or "email"' },
);

/** `PATCH …/channels/{id}`: any of the fields; a secret left out is kept as saved. */
export const channelUpdateSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("slack"), name: channelName.optional(), enabled: z.boolean().optional(), url: slackUrlSchema.optional() }),
    z.strictObject({ kind: z.literal("email"), name: channelName.optional(), enabled: z.boolean().optional(), recipients: recipients.optional(), smtp: smtpSchema.optional() }),
  ],
  { error: 'kind must be "slack" or "email"' },
);

export type ChannelCreateInput = z.output<typeof channelCreateSchema>;
export type ChannelUpdateInput = z.output<typeof channelUpdateSchema>;

const switchOnly = z.strictObject({ enabled: z.boolean() });

/** `PUT /api/orgs/{org}/notifications/settings`: every trigger, as the page shows them. */
export const triggersSchema = z.strictObject({
  newRequest: switchOnly,
  pendingRequest: z.strictObject({ enabled: z.boolean(), hours: z.number().int().min(1, "must be from 1 to 720 hours").max(720, "must be from 1 to 720 hours") }),
  tokenExpiring: z.strictObject({ enabled: z.boolean(), days: z.number().int().min(1, "must be from 1 to 90 days").max(90, "must be from 1 to 90 days") }),
  jobFinished: switchOnly,
  digest: z.strictObject({
    enabled: z.boolean(),
    hour: z.number().int().min(0, "must be an hour from 0 to 23").max(23, "must be an hour from 0 to 23"),
    timeZone: z.string().refine(isTimeZone, 'must be a time zone such as "UTC" or "Europe/Berlin"'),
  }),
});

export const settingsBodySchema = z.strictObject({ triggers: triggersSchema });
