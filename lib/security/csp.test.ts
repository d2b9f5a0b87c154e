import { describe, expect, it } from "vitest";
import { githubImageOrigins, pageContentSecurityPolicy } from "./csp";

describe("pageContentSecurityPolicy", () => {
  it("allows scripts only with the nonce in production, and forbids framing", () => {
    const csp = pageContentSecurityPolicy({ nonce: "abc123", development: false, imageOrigins: [], signInOrigin: "https://github.com" });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self' https://github.com");
  });

  it("adds 'unsafe-eval' only in development", () => {
    expect(pageContentSecurityPolicy({ nonce: "n", development: true, imageOrigins: [], signInOrigin: "https://github.com" })).toContain("'unsafe-eval'");
  });

  it("lets avatars load from a GHE.com tenant or fake-github", () => {
    const origins = githubImageOrigins("https://acme.ghe.com", "https://api.acme.ghe.com");
    expect(origins).toEqual(["https://acme.ghe.com", "https://api.acme.ghe.com"]);
    expect(pageContentSecurityPolicy({ nonce: "n", development: false, imageOrigins: origins, signInOrigin: "https://acme.ghe.com" })).toContain(
      "img-src 'self' data: blob: https://avatars.githubusercontent.com https://acme.ghe.com https://api.acme.ghe.com",
    );
    expect(githubImageOrigins("https://github.com", "https://api.github.com")).toEqual([]);
  });
});
