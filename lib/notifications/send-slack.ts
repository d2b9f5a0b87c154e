import "server-only";
import { IncomingWebhook, IncomingWebhookHTTPError, IncomingWebhookRequestError, type FetchFunction } from "@slack/webhook";
import type { SendFailure } from "./backoff";
import type { SlackMessage } from "./slack-message";
import { describeNetworkError, SendError, tidyAnswer } from "./send-error";

// Posts a message to a Slack incoming webhook, once: retries are the notifier's (with backoff,
// recorded), not the library's. The URL is a secret — whoever holds it may post to the channel —
// so it never appears in an error: failures are described by Slack's status and answer alone.

const TIMEOUT_MS = 10_000;

export async function sendSlack(url: string, message: SlackMessage, timeoutMs = TIMEOUT_MS): Promise<void> {
  let retryAfter: string | null = null;
  // Slack's 429 says when to come back; the library keeps only status and body, so read it here.
  const fetchRecordingRetryAfter: FetchFunction = async (input, init) => {
    const response = await fetch(input, init as RequestInit);
    retryAfter = response.headers.get("retry-after");
    return response;
  };
  const webhook = new IncomingWebhook(url, { timeout: timeoutMs, fetch: fetchRecordingRetryAfter, retryConfig: { retries: 0 } });
  try {
    await webhook.send(message);
  } catch (error) {
    throw new SendError(slackFailure(error, retryAfter, timeoutMs));
  }
}

export function slackFailure(error: unknown, retryAfter: string | null, timeoutMs = TIMEOUT_MS): SendFailure {
  if (error instanceof IncomingWebhookHTTPError) {
    const answer = tidyAnswer(error.body);
    const message = `Slack answered ${error.statusCode}${answer ? ` (${answer})` : ""}`;
    if (error.statusCode === 429) {
      const seconds = Number(retryAfter);
      return { message: `${message}: rate limited`, retryable: true, ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}) };
    }
    if (error.statusCode >= 500) return { message, retryable: true };
    // 400 invalid_payload, 403 invalid_token, 404 no_service, 410 channel_is_archived: no retry will help.
    return { message: `${message}: check the webhook URL and that the app is still installed in Slack`, retryable: false };
  }
  if (error instanceof IncomingWebhookRequestError) return { message: `Slack could not be reached: ${describeNetworkError(error.original, timeoutMs)}`, retryable: true };
  return { message: `Slack could not be reached: ${describeNetworkError(error, timeoutMs)}`, retryable: true };
}
