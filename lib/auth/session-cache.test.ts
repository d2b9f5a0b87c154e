import { describe, expect, it, vi } from "vitest";
import { createSessionCache } from "./session-cache";

function setUp(ttlMs = 60_000) {
  const clock = { now: () => 1_000_000 };
  return { clock, cached: createSessionCache<string>({ ttlMs, clock }) };
}

describe("createSessionCache", () => {
  it("decodes a cookie once within the minute, and again after it", async () => {
    const { clock, cached } = setUp();
    const decode = vi.fn(async () => ({ user: "mona", expiresAt: undefined }));
    expect(await cached("a", decode)).toBe("mona");
    clock.now = () => 1_059_999;
    expect(await cached("a", decode)).toBe("mona");
    expect(decode).toHaveBeenCalledTimes(1);
    clock.now = () => 1_060_000;
    await cached("a", decode);
    expect(decode).toHaveBeenCalledTimes(2);
  });

  it("never answers a session past its end", async () => {
    const { clock, cached } = setUp();
    const decode = vi.fn(async () => ({ user: "mona", expiresAt: 1_010 }));
    await cached("a", decode);
    clock.now = () => 1_010_000;
    const expired = vi.fn(async () => null);
    expect(await cached("a", expired)).toBeNull();
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it("does not remember cookies that do not decode, and keeps cookies apart", async () => {
    const { cached } = setUp();
    const refuse = vi.fn(async () => null);
    expect(await cached("forged", refuse)).toBeNull();
    expect(await cached("forged", refuse)).toBeNull();
    expect(refuse).toHaveBeenCalledTimes(2);
    await cached("a", async () => ({ user: "mona", expiresAt: undefined }));
    expect(await cached("b", async () => ({ user: "hubot", expiresAt: undefined }))).toBe("hubot");
    expect(await cached("a", refuse)).toBe("mona");
  });
});
