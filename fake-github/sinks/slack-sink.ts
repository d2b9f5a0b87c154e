// A stand-in for Slack's incoming webhooks (`POST https://hooks.slack.com/services/…`), so the demo
// and tests can see the notifications Grantdesk sends. It answers like Slack: `200 ok` (text), and
// for a bad request `400 invalid_payload` (body not JSON, or not an object) or `400 no_text`
// (neither `text` nor `blocks`). Bodies may be JSON or a form with a `payload` field holding JSON,
// as Slack accepts. Planned failures (500, or 429 with Retry-After) answer instead, in order, to
// test a sender's retries; refused attempts are counted, not stored as messages.

export const MAX_SLACK_MESSAGES = 1_000;
/** Larger bodies are refused as invalid (Slack's own limit on a message is far below this). */
export const MAX_SLACK_BODY_CHARS = 1_000_000;

export interface SlackMessage {
  id: number;
  channel: string;
  receivedAt: string;
  text: string | null;
  blocks: unknown[] | null;
  /** The whole JSON body as sent. */
  payload: Record<string, unknown>;
}

export interface SlackFailure {
  /** Only posts to this channel fail; all channels when null. */
  channel: string | null;
  status: number;
  /** Attempts still to refuse. */
  times: number;
  /** Seconds, sent as Retry-After with a 429. */
  retryAfter: number | null;
}

export interface SlackRefusal {
  channel: string;
  time: string;
  status: number;
}

export interface SinkAnswer {
  status: 200 | 400 | 429 | 500 | 503;
  body: string;
  headers: Record<string, string>;
}

const SLACK_ERROR_BODIES: Record<number, string> = { 429: "rate_limited", 500: "internal_error", 503: "service_unavailable" };

function parsePayload(text: string, contentType: string | undefined): Record<string, unknown> | null {
  let json = text;
  if (contentType?.includes("application/x-www-form-urlencoded")) json = new URLSearchParams(text).get("payload") ?? "";
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export class SlackSink {
  private messages: SlackMessage[] = [];
  private failures: SlackFailure[] = [];
  private refusals: SlackRefusal[] = [];
  private nextId = 1;

  receive(channel: string, text: string, contentType: string | undefined): SinkAnswer {
    const failure = this.failures.find((planned) => planned.times > 0 && (planned.channel === null || planned.channel === channel));
    if (failure) {
      failure.times--;
      this.failures = this.failures.filter((planned) => planned.times > 0);
      this.refusals.push({ channel, time: new Date().toISOString(), status: failure.status });
      const headers: Record<string, string> = { "content-type": "text/plain; charset=utf-8" };
      if (failure.status === 429) headers["retry-after"] = String(failure.retryAfter ?? 1);
      return { status: failure.status as SinkAnswer["status"], body: SLACK_ERROR_BODIES[failure.status] ?? "internal_error", headers };
    }
    const plain = { "content-type": "text/html" };
    const payload = text.length > MAX_SLACK_BODY_CHARS ? null : parsePayload(text, contentType);
    if (!payload) return { status: 400, body: "invalid_payload", headers: plain };
    const messageText = typeof payload.text === "string" && payload.text.trim() !== "" ? payload.text : null;
    const blocks = Array.isArray(payload.blocks) && payload.blocks.length > 0 ? payload.blocks : null;
    if (!messageText && !blocks) return { status: 400, body: "no_text", headers: plain };
    this.messages.push({ id: this.nextId++, channel, receivedAt: new Date().toISOString(), text: messageText, blocks, payload });
    if (this.messages.length > MAX_SLACK_MESSAGES) this.messages = this.messages.slice(-MAX_SLACK_MESSAGES);
    return { status: 200, body: "ok", headers: plain };
  }

  fail(failure: SlackFailure): void {
    this.failures.push(failure);
  }

  /** Newest first. */
  list(): { messages: SlackMessage[]; refused: SlackRefusal[]; failures: SlackFailure[] } {
    return { messages: this.messages.slice().reverse(), refused: this.refusals.slice().reverse(), failures: this.failures.map((failure) => ({ ...failure })) };
  }

  clear(): void {
    this.messages = [];
    this.failures = [];
    this.refusals = [];
    this.nextId = 1;
  }
}
