// Notifications as the settings page and its API routes see them: an org's triggers and digest,
// its channels (never their secrets: a hint at most), and the record of every notification sent.

export const CHANNEL_KINDS = ["slack", "email"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Why a notification was sent. `test` is a channel's "Send a test message". */
export const NOTIFICATION_TRIGGERS = ["new_request", "pending_request", "token_expiring", "job_finished", "digest", "test"] as const;
export type NotificationTrigger = (typeof NOTIFICATION_TRIGGERS)[number];

/** queued: waiting for its (next) attempt; sending: an instance holds it now; skipped: no longer worth sending (the request was reviewed first). */
export const NOTIFICATION_STATUSES = ["queued", "sending", "sent", "failed", "skipped"] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** SMTP connection security: implicit TLS (port 465), STARTTLS required, or none (loopback servers only). */
export const SMTP_SECURITY = ["tls", "starttls", "none"] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export interface TriggerSettings {
  newRequest: { enabled: boolean };
  /** A reminder once a request has waited this many hours. */
  pendingRequest: { enabled: boolean; hours: number };
  /** A warning once a token is this many days from expiring. */
  tokenExpiring: { enabled: boolean; days: number };
  /** Bulk jobs (more than one id) that finished, were cancelled or stopped, and any job that stopped. */
  jobFinished: { enabled: boolean };
  /** A daily summary at `hour` (0–23) in `timeZone` (IANA, e.g. "Europe/Berlin"). */
  digest: { enabled: boolean; hour: number; timeZone: string };
}

export type SmtpView = { mode: "instance" } | { mode: "custom"; host: string; port: number; security: SmtpSecurity; username: string | null; passwordSet: boolean; from: string };

/** The outcome of the channel's latest notification, so a failing channel shows on the page. */
export interface ChannelLastResult {
  status: NotificationStatus;
  at: string;
  error: string | null;
}

interface ChannelViewBase {
  id: string;
  name: string;
  enabled: boolean;
  createdAt: string;
  lastResult: ChannelLastResult | null;
}

export interface SlackChannelView extends ChannelViewBase {
  kind: "slack";
  /** Where the saved webhook URL points, without its secret part: "hooks.slack.com/…f3Xz". */
  urlHint: string;
}

export interface EmailChannelView extends ChannelViewBase {
  kind: "email";
  recipients: string[];
  smtp: SmtpView;
}

export type ChannelView = SlackChannelView | EmailChannelView;

/** `GET /api/orgs/{org}/notifications/settings`. */
export interface NotificationSettingsView {
  org: string;
  triggers: TriggerSettings;
  channels: ChannelView[];
  /** This server has a mail server of its own (SMTP_URL) that email channels may use. */
  instanceSmtp: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** One notification to one channel, as recorded. */
export interface NotificationRecord {
  id: string;
  trigger: NotificationTrigger;
  /** What it said, in a line: "New request from mona: deploy-bot". */
  summary: string;
  channel: { id: string; kind: ChannelKind; name: string };
  /** To whom: the email recipients, or where the Slack webhook posts. */
  recipient: string;
  status: NotificationStatus;
  attempts: number;
  maxAttempts: number;
  /** The last attempt's failure, in words; null when none failed. */
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  /** When the next attempt is due (queued after a failure). */
  nextAttemptAt: string | null;
}

/** `POST …/channels/{id}/test`: what the one attempt gave. */
export interface TestSendResult {
  record: NotificationRecord;
}

/** `POST …/notifications/digest`: the digests queued now, one per enabled channel. */
export interface DigestQueued {
  queued: number;
  records: NotificationRecord[];
}
