import { IncomingWebhookHTTPError, IncomingWebhookRequestError } from "@slack/webhook";
import { describe, expect, it } from "vitest";
import { customSmtpServer, emailFailure, parseSmtpUrl } from "./send-email";
import { slackFailure } from "./send-slack";

describe("the mail server from SMTP_URL", () => {
  it("requires STARTTLS off this machine, takes TLS for smtps, decodes the user and password", () => {
    expect(parseSmtpUrl("smtp://grantdesk:p%40ss%2Fword@mail.example.com")).toEqual({
      host: "mail.example.com",
      port: 587,
      secure: false,
      requireTLS: true,
      ignoreTLS: false,
      auth: { user: "grantdesk", pass: "p@ss/word" },
    });
    expect(parseSmtpUrl("smtps://mail.example.com")).toMatchObject({ port: 465, secure: true, requireTLS: false, auth: null });
    expect(parseSmtpUrl("smtp://127.0.0.1:2525")).toMatchObject({ host: "127.0.0.1", port: 2525, requireTLS: false });
  });

  it("and a channel's own, by its security setting", () => {
    expect(customSmtpServer({ host: "smtp.example.com", port: 587, security: "starttls", username: "u" }, "pw")).toMatchObject({ secure: false, requireTLS: true, ignoreTLS: false, auth: { user: "u", pass: "pw" } });
    expect(customSmtpServer({ host: "127.0.0.1", port: 25, security: "none", username: null }, null)).toMatchObject({ secure: false, requireTLS: false, ignoreTLS: true, auth: null });
  });
});

describe("a failed send, in words, and whether to retry", () => {
  it("Slack: 429 waits as asked, 5xx retries, other 4xx do not, no answer retries", () => {
    expect(slackFailure(new IncomingWebhookHTTPError(429, "Too Many Requests", "rate_limited"), "7")).toEqual({ message: "Slack answered 429 (rate_limited): rate limited", retryable: true, retryAfterMs: 7000 });
    expect(slackFailure(new IncomingWebhookHTTPError(503, "", "service_unavailable"), null)).toEqual({ message: "Slack answered 503 (service_unavailable)", retryable: true });
    expect(slackFailure(new IncomingWebhookHTTPError(404, "", "no_service"), null)).toMatchObject({ retryable: false, message: "Slack answered 404 (no_service): check the webhook URL and that the app is still installed in Slack" });
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    expect(slackFailure(new IncomingWebhookRequestError(new TypeError("fetch failed", { cause: refused })), null)).toEqual({ message: "Slack could not be reached: connection refused (ECONNREFUSED)", retryable: true });
    const timeout = Object.assign(new Error("The operation was aborted due to timeout"), { name: "TimeoutError" });
    expect(slackFailure(new IncomingWebhookRequestError(timeout), null).message).toBe("Slack could not be reached: no answer within 10 s");
  });

  it("email: a refused login or a permanent answer does not retry, a temporary one does", () => {
    expect(emailFailure(Object.assign(new Error("Invalid login"), { code: "EAUTH", response: "535 5.7.8 Authentication failed" }))).toEqual({
      message: "The mail server refused the user name or password (535 5.7.8 Authentication failed)",
      retryable: false,
    });
    expect(emailFailure(Object.assign(new Error("x"), { code: "EENVELOPE", responseCode: 550, response: "550 No such user" }))).toMatchObject({ retryable: false, message: "The mail server answered 550 (550 No such user)" });
    expect(emailFailure(Object.assign(new Error("x"), { code: "EMESSAGE", responseCode: 421, response: "421 Try later" })).retryable).toBe(true);
    // As nodemailer throws it: ESOCKET, with the system's code in the message.
    expect(emailFailure(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ESOCKET" }))).toEqual({ message: "The mail server could not be reached: connection refused (ECONNREFUSED)", retryable: true });
  });
});
