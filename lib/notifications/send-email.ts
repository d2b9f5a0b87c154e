import "server-only";
import nodemailer from "nodemailer";
import type { SendFailure } from "./backoff";
import type { EmailMessage } from "./email-message";
import { describeNetworkError, SendError, tidyAnswer } from "./send-error";
import { isLoopbackHost } from "./settings-input";

// Sends one email through an SMTP server with nodemailer, once (the notifier retries). A server
// is either the instance's own (SMTP_URL) or the one an email channel names. Mail leaves without
// TLS only to a server on this machine (the demo's sink): smtp:// to anywhere else requires
// STARTTLS, smtps:// and "tls" use implicit TLS.

export interface SmtpServer {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (port 465). */
  secure: boolean;
  /** STARTTLS is required (never send in the clear); false on loopback lets a plain sink through. */
  requireTLS: boolean;
  /** Never try STARTTLS (a loopback server that offers none, by the channel's choice). */
  ignoreTLS: boolean;
  auth: { user: string; pass: string } | null;
}

const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 20_000;

/** `smtp://USER:PASSWORD@HOST:PORT` or `smtps://…` (SMTP_URL), user and password percent-decoded. */
export function parseSmtpUrl(value: string): SmtpServer {
  const url = new URL(value);
  const secure = url.protocol === "smtps:";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const user = decodeURIComponent(url.username);
  return {
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && !isLoopbackHost(host),
    ignoreTLS: false,
    auth: user ? { user, pass: decodeURIComponent(url.password) } : null,
  };
}

export function customSmtpServer(smtp: { host: string; port: number; security: "tls" | "starttls" | "none"; username: string | null }, password: string | null): SmtpServer {
  return {
    host: smtp.host.replace(/^\[|\]$/g, ""),
    port: smtp.port,
    secure: smtp.security === "tls",
    requireTLS: smtp.security === "starttls",
    ignoreTLS: smtp.security === "none",
    auth: smtp.username ? { user: smtp.username, pass: password ?? "" } : null,
  };
}

export interface Envelope {
  from: string;
  to: string[];
}

export async function sendEmail(server: SmtpServer, envelope: Envelope, message: EmailMessage): Promise<void> {
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    requireTLS: server.requireTLS,
    ignoreTLS: server.ignoreTLS,
    ...(server.auth ? { auth: server.auth } : {}),
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: CONNECTION_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    // nodemailer's own logger would print envelopes and server dialogue: keep it off.
    logger: false,
    debug: false,
  });
  try {
    await transport.sendMail({ from: envelope.from, to: envelope.to, subject: message.subject, text: message.text, html: message.html });
  } catch (error) {
    throw new SendError(emailFailure(error));
  } finally {
    transport.close();
  }
}

export function emailFailure(error: unknown): SendFailure {
  const details = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const response = tidyAnswer(details.response);
  if (details.code === "EAUTH") return { message: `The mail server refused the user name or password${response ? ` (${response})` : ""}`, retryable: false };
  if (details.code === "ETLS" || (details.message && /STARTTLS|TLS/i.test(details.message) && details.code === "ESOCKET")) {
    return { message: `TLS with the mail server failed${response ? ` (${response})` : ""}: check the server's security setting`, retryable: false };
  }
  if (typeof details.responseCode === "number") {
    const permanent = details.responseCode >= 500;
    return { message: `The mail server answered ${details.responseCode}${response ? ` (${response})` : ""}`, retryable: !permanent };
  }
  if (details.code === "ETIMEDOUT") return { message: "The mail server did not answer in time", retryable: true };
  return { message: `The mail server could not be reached: ${describeNetworkError(error, CONNECTION_TIMEOUT_MS)}`, retryable: true };
}
