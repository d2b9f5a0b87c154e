import "server-only";
import { redactSecrets } from "@/lib/github/redact-secrets";
import type { SendFailure } from "./backoff";

/** A send that failed, with what the notifier needs to record it and decide on a retry. */
export class SendError extends Error {
  override name = "SendError";
  constructor(readonly failure: SendFailure) {
    super(failure.message);
  }
}

/** A remote answer made fit for a page: one line, no control characters, nothing credential-like, short. */
export function tidyAnswer(text: string | undefined | null, max = 160): string {
  if (!text) return "";
  const line = redactSecrets(text)
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "no such host",
  EAI_AGAIN: "the host name could not be looked up",
  ECONNRESET: "the connection was cut",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "the host cannot be reached",
};

/** "no answer within 10 s", "connection refused (ECONNREFUSED)": never the address's path or query. */
export function describeNetworkError(error: unknown, timeoutMs: number): string {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    if (current.name === "TimeoutError" || current.name === "AbortError") return `no answer within ${Math.round(timeoutMs / 1000)} s`;
    // nodemailer says ESOCKET and leaves the system's code in its message ("connect ECONNREFUSED 127.0.0.1:25").
    const code = (current as { code?: unknown }).code;
    const known = [typeof code === "string" ? code : "", ...(current.message.match(/\bE[A-Z_]{4,}\b/g) ?? [])].find((candidate) => candidate in NETWORK_WORDS);
    if (known) return `${NETWORK_WORDS[known]} (${known})`;
    if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return `network error (${code})`;
    if (/redirect/i.test(current.message)) return "it answered with a redirect, which Grantdesk does not follow";
    current = current.cause;
  }
  return "network error";
}
