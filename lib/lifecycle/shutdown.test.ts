import { describe, expect, it } from "vitest";
import { beginShutdown, drainWork, isShuttingDown, trackWork } from "./shutdown";

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("draining tracked work", () => {
  it("waits for every write in flight, including one that failed, and says it drained", async () => {
    const done: string[] = [];
    void trackWork(() => later("a", 50).then((value) => done.push(value)));
    void trackWork(() => later(null, 80).then(() => Promise.reject(new Error("GitHub failed")))).catch(() => done.push("b failed"));
    expect(await drainWork(1_000)).toBe(true);
    expect(done.sort()).toEqual(["a", "b failed"]);
  });

  it("gives up after the timeout, leaving the work running", async () => {
    void trackWork(() => later(undefined, 300));
    const started = Date.now();
    expect(await drainWork(50)).toBe(false);
    expect(Date.now() - started).toBeLessThan(250);
    expect(await drainWork(1_000)).toBe(true);
  });

  it("hands back the work's own result and error", async () => {
    await expect(trackWork(() => later(42, 1))).resolves.toBe(42);
    await expect(trackWork(() => Promise.reject(new Error("no")))).rejects.toThrow("no");
  });

  it("turns the shutdown flag on for good", () => {
    expect(isShuttingDown()).toBe(false);
    beginShutdown();
    expect(isShuttingDown()).toBe(true);
  });
});
