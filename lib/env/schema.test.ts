import { describe, expect, it } from "vitest";
import { generateAppPrivateKey } from "@/fake-github/server";
import { ConfigError, parseEnv } from "./schema";

// A real key made for this run: the schema parses the key, and no key is ever committed.
const pem = (await generateAppPrivateKey()).trim();
const base = {
  GITHUB_APP_ID: "1",
  GITHUB_APP_PRIVATE_KEY: pem.replace(/\n/g, "\\n"),
  GITHUB_APP_CLIENT_ID: "Iv1.client",
  GITHUB_APP_CLIENT_SECRET: "shh-client-secret",
  AUTH_SECRET: "x".repeat(32),
};
const noFiles = () => {
  throw new Error("ENOENT");
};

describe("parseEnv", () => {
  it("applies DESIGN.md's defaults and unescapes an inline key", () => {
    const env = parseEnv(base, noFiles);
    expect(env.githubApiUrl).toBe("https://api.github.com");
    expect(env.githubUrl).toBe("https://github.com");
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.port).toBe(3000);
    expect(env.databaseUrl).toBeUndefined();
    expect(env.githubApp).toEqual({ appId: "1", privateKey: pem + "\n", clientId: "Iv1.client", clientSecret: "shh-client-secret", webhookSecret: null });
    expect(env.actAs).toBe("app");
    expect(env.shutdownTimeoutMs).toBe(25_000);
  });

  it("starts without any app credentials (set up at /setup), and reads ACT_AS", () => {
    const env = parseEnv({ AUTH_SECRET: base.AUTH_SECRET, ACT_AS: "owner", GITHUB_APP_ID: "" }, noFiles);
    expect(env.githubApp).toBeNull();
    expect(env.actAs).toBe("owner");
  });

  it("accepts the NEXTAUTH_* aliases and strips trailing slashes", () => {
    const { AUTH_SECRET, ...rest } = base;
    const env = parseEnv(
      { ...rest, NEXTAUTH_SECRET: AUTH_SECRET, NEXTAUTH_URL: "https://grantdesk.example/", GITHUB_API_URL: "https://api.acme.ghe.com/" },
      noFiles,
    );
    expect(env.authSecret).toBe(AUTH_SECRET);
    expect(env.appUrl).toBe("https://grantdesk.example");
    expect(env.githubApiUrl).toBe("https://api.acme.ghe.com");
  });

  it("reads the key from GITHUB_APP_PRIVATE_KEY_FILE", () => {
    const { GITHUB_APP_PRIVATE_KEY, ...rest } = base;
    void GITHUB_APP_PRIVATE_KEY;
    const env = parseEnv({ ...rest, GITHUB_APP_PRIVATE_KEY_FILE: "/keys/app.pem" }, (path) => (path === "/keys/app.pem" ? pem : ""));
    expect(env.githubApp?.privateKey).toBe(pem + "\n");
  });

  it.each([
    [{ GITHUB_APP_ID: undefined }, /^Configuration error: GITHUB_APP_ID — required with GITHUB_APP_PRIVATE_KEY/],
    [{ GITHUB_APP_CLIENT_SECRET: undefined }, /^Configuration error: GITHUB_APP_CLIENT_SECRET — required with GITHUB_APP_ID/],
    [{ GITHUB_APP_CLIENT_ID: "" }, /^Configuration error: GITHUB_APP_CLIENT_ID — required with GITHUB_APP_ID/],
    [{ ACT_AS: "bot" }, /^Configuration error: ACT_AS — expected "app" or "owner"/],
    [{ GITHUB_APP_ID: "abc" }, /^Configuration error: GITHUB_APP_ID — expected/],
    [{ GITHUB_API_URL: "ftp://x" }, /^Configuration error: GITHUB_API_URL — expected an http\(s\) URL/],
    [{ AUTH_SECRET: "short" }, /^Configuration error: AUTH_SECRET — expected at least 32/],
    [{ GITHUB_APP_PRIVATE_KEY: undefined }, /^Configuration error: GITHUB_APP_PRIVATE_KEY — required with GITHUB_APP_ID/],
    [{ GITHUB_APP_PRIVATE_KEY: "not a key" }, /^Configuration error: GITHUB_APP_PRIVATE_KEY — expected a PEM/],
    [{ DATABASE_URL: "mysql://x" }, /^Configuration error: DATABASE_URL — expected a postgres/],
    [{ DATABASE_URL: "postgres://app@db/grantdesk", DATABASE_MIGRATION_URL: "mysql://x" }, /^Configuration error: DATABASE_MIGRATION_URL — expected a postgres/],
    [{ DATABASE_MIGRATION_URL: "postgres://owner@db/grantdesk" }, /^Configuration error: DATABASE_MIGRATION_URL — needs DATABASE_URL too/],
    [{ PORT: "99999" }, /^Configuration error: PORT/],
  ])("rejects %o with one line naming the variable", (override, message) => {
    const attempt = () => parseEnv({ ...base, ...override }, noFiles);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
      expect((error as Error).message).not.toContain("shh-client-secret");
    }
  });

  it("says so when the key file cannot be read", () => {
    const { GITHUB_APP_PRIVATE_KEY, ...rest } = base;
    void GITHUB_APP_PRIVATE_KEY;
    expect(() => parseEnv({ ...rest, GITHUB_APP_PRIVATE_KEY_FILE: "/nope" }, noFiles)).toThrow(
      "Configuration error: GITHUB_APP_PRIVATE_KEY_FILE — cannot read the file it names",
    );
  });
});
