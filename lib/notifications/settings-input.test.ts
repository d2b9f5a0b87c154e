import { describe, expect, it } from "vitest";
import { describeZodError } from "@/lib/api/describe-zod-error";
import { channelCreateSchema, channelUpdateSchema, isLoopbackHost, settingsBodySchema, slackUrlSchema } from "./settings-input";

const problem = (schema: { safeParse(input: unknown): { success: boolean; error?: unknown } }, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? null : describeZodError(result.error as never, "body");
};

describe("the Slack webhook URL", () => {
  it("must be https, or http to this machine only", () => {
    expect(slackUrlSchema.safeParse("https://hooks.slack.com/services/T000/B000/XXXX").success).toBe(true);
    expect(slackUrlSchema.safeParse("http://127.0.0.1:4010/_sinks/slack/acme").success).toBe(true);
    expect(slackUrlSchema.safeParse("http://localhost:4010/_sinks/slack/acme").success).toBe(true);
    expect(slackUrlSchema.safeParse("http://[::1]:4010/_sinks/slack/acme").success).toBe(true);
    expect(problem(slackUrlSchema, "http://hooks.slack.com/services/T000/B000/XXXX")).toContain("must be an https:// URL");
    expect(problem(slackUrlSchema, "http://127.0.0.1.evil.example/x")).toContain("must be an https:// URL");
    expect(problem(slackUrlSchema, "ftp://hooks.slack.com/x")).toContain("must be an https:// URL");
    expect(problem(slackUrlSchema, "not a url")).toContain("must be an https:// URL");
  });

  it("holds no credentials and names the hook's path", () => {
    expect(problem(slackUrlSchema, "https://user:pw@hooks.slack.com/services/x")).toContain("must not hold a user name or password");
    expect(problem(slackUrlSchema, "https://hooks.slack.com/")).toContain("with its path");
    expect(problem(slackUrlSchema, `https://hooks.slack.com/${"x".repeat(600)}`)).toContain("at most 500 characters");
  });
});

describe("isLoopbackHost", () => {
  it("knows this machine's names", () => {
    for (const host of ["localhost", "app.localhost", "127.0.0.1", "127.8.9.10", "[::1]", "::1"]) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ["10.0.0.1", "localhost.evil.example", "128.0.0.1", "hooks.slack.com"]) expect(isLoopbackHost(host)).toBe(false);
  });
});

describe("a new channel", () => {
  it("Slack: a name and a URL", () => {
    expect(channelCreateSchema.parse({ kind: "slack", name: " #owners ", url: "https://hooks.slack.com/services/T/B/X" })).toEqual({ kind: "slack", name: "#owners", url: "https://hooks.slack.com/services/T/B/X" });
    expect(problem(channelCreateSchema, { kind: "slack", name: "" , url: "https://hooks.slack.com/services/T/B/X" })).toBe("name: is required");
    expect(problem(channelCreateSchema, { kind: "teams", name: "x" })).toContain('kind must be "slack" or "email"');
    expect(problem(channelCreateSchema, { kind: "slack", name: "x", url: "https://hooks.slack.com/services/T/B/X", extra: 1 })).toBe('unknown body field "extra"');
  });

  it("email: recipients, lower-cased, and the instance's server or one of its own", () => {
    const parsed = channelCreateSchema.parse({ kind: "email", name: "Owners", recipients: ["Mona@Acme.Example"], smtp: { mode: "instance" } });
    expect(parsed).toMatchObject({ recipients: ["mona@acme.example"], smtp: { mode: "instance" } });
    expect(problem(channelCreateSchema, { kind: "email", name: "Owners", recipients: [], smtp: { mode: "instance" } })).toBe("recipients: needs at least one address");
    expect(problem(channelCreateSchema, { kind: "email", name: "Owners", recipients: ["not-an-address"], smtp: { mode: "instance" } })).toBe("recipients[0]: must be an email address");
    const custom = { kind: "email", name: "Owners", recipients: ["a@b.example"], smtp: { mode: "custom", host: "smtp.example.com", port: 587, security: "starttls", username: "grantdesk", password: "pw", from: "Grantdesk <grantdesk@example.com>" } };
    expect(channelCreateSchema.safeParse(custom).success).toBe(true);
  });

  it("sends mail without TLS only to this machine, and from a real address", () => {
    const smtp = (changes: object) => ({ kind: "email", name: "Owners", recipients: ["a@b.example"], smtp: { mode: "custom", host: "smtp.example.com", port: 25, security: "none", from: "grantdesk@example.com", ...changes } });
    expect(problem(channelCreateSchema, smtp({}))).toBe('smtp.security: must be "tls" or "starttls" for a server other than this machine');
    expect(channelCreateSchema.safeParse(smtp({ host: "127.0.0.1" })).success).toBe(true);
    expect(problem(channelCreateSchema, smtp({ host: "127.0.0.1", from: "Grantdesk" }))).toContain("smtp.from: must be an address");
    expect(problem(channelCreateSchema, smtp({ host: "127.0.0.1", port: 70000 }))).toContain("smtp.port: must be a port number");
    expect(problem(channelCreateSchema, smtp({ host: "smtp example" }))).toContain("smtp.host: must be a host name");
  });
});

describe("a channel update", () => {
  it("may name any of the fields; a secret left out is kept", () => {
    expect(channelUpdateSchema.parse({ kind: "slack", enabled: false })).toEqual({ kind: "slack", enabled: false });
    expect(problem(channelUpdateSchema, { kind: "slack", url: "http://hooks.slack.com/x" })).toContain("url: must be an https:// URL");
  });
});

describe("the triggers", () => {
  const valid = {
    newRequest: { enabled: true },
    pendingRequest: { enabled: true, hours: 24 },
    tokenExpiring: { enabled: false, days: 7 },
    jobFinished: { enabled: true },
    digest: { enabled: true, hour: 9, timeZone: "Europe/Berlin" },
  };

  it("take whole hours and days in range, and a real time zone", () => {
    expect(settingsBodySchema.safeParse({ triggers: valid }).success).toBe(true);
    expect(problem(settingsBodySchema, { triggers: { ...valid, pendingRequest: { enabled: true, hours: 0 } } })).toBe("triggers.pendingRequest.hours: must be from 1 to 720 hours");
    expect(problem(settingsBodySchema, { triggers: { ...valid, tokenExpiring: { enabled: true, days: 1.5 } } })).toContain("triggers.tokenExpiring.days");
    expect(problem(settingsBodySchema, { triggers: { ...valid, digest: { enabled: true, hour: 24, timeZone: "UTC" } } })).toBe("triggers.digest.hour: must be an hour from 0 to 23");
    expect(problem(settingsBodySchema, { triggers: { ...valid, digest: { enabled: true, hour: 9, timeZone: "Mars/Olympus" } } })).toContain('must be a time zone such as "UTC"');
    expect(problem(settingsBodySchema, { triggers: { ...valid, newRequest: undefined } })).toContain("triggers.newRequest");
  });
});
