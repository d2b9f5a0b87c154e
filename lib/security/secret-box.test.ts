import { describe, expect, it } from "vitest";
import { createSecretBox, SecretBoxError } from "./secret-box";

const box = createSecretBox("a".repeat(32));

describe("secret box", () => {
  it("opens what it sealed, for the same context", () => {
    const sealed = box.seal("ghu_the-user-token", "owner-token:1001");
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+$/);
    expect(sealed).not.toContain("ghu_");
    expect(box.open(sealed, "owner-token:1001")).toBe("ghu_the-user-token");
  });

  it("seals the same text differently each time (a fresh IV)", () => {
    expect(box.seal("same", "c")).not.toBe(box.seal("same", "c"));
  });

  it("refuses another context, another secret, and any altered byte", () => {
    const sealed = box.seal("-----BEGIN PRIVATE KEY-----", "github-app:1");
    expect(() => box.open(sealed, "github-app:2")).toThrow(SecretBoxError);
    expect(() => createSecretBox("b".repeat(32)).open(sealed, "github-app:1")).toThrow(SecretBoxError);
    const [version, iv, body] = sealed.split(".") as [string, string, string];
    const flipped = Buffer.from(body, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open(`${version}.${iv}.${flipped.toString("base64url")}`, "github-app:1")).toThrow(SecretBoxError);
    expect(() => box.open("plain text", "github-app:1")).toThrow("not a sealed value");
    expect(() => box.open(`v2.${iv}.${body}`, "github-app:1")).toThrow("not a sealed value");
  });

  it("will not derive a key from a short secret", () => {
    expect(() => createSecretBox("short")).toThrow(SecretBoxError);
  });
});
