import { describe, expect, it } from "vitest";
import { generateAppPrivateKey } from "@/fake-github/server";
import { redactSecrets } from "./redact-secrets";

// A key made for this run (none is committed); its first body line must not survive redaction.
const key = await generateAppPrivateKey();
const keyLine = key.split("\n")[1]!;

describe("redactSecrets", () => {
  it.each([
    ["installation token", "auth failed for ghs_16C7e42F292c6912E7710c838347Ae178B4a"],
    ["fine-grained PAT", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"],
    ["JWT", "bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxIn0.c2lnbmF0dXJl"],
    ["authorization value", "authorization: token 0123456789abcdef0123456789abcdef01234567"],
    ["private key", `could not sign with ${key}`],
    ["client secret in a URL", "/login/oauth/access_token?client_secret=shh123&code=x"],
  ])("cuts out a %s", (_, text) => {
    const redacted = redactSecrets(text);
    expect(redacted).toContain("[REDACTED]");
    expect(redacted).not.toMatch(/ghs_16C7|github_pat_11|eyJpc3M|0123456789abcdef0123|shh123/);
    expect(redacted).not.toContain(keyLine);
  });

  it("leaves prose about tokens alone", () => {
    const text = 'needs the organization permission "Personal access token requests" (write); token 7 expired';
    expect(redactSecrets(text)).toBe(text);
  });
});
