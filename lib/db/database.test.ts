import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateAppPrivateKey } from "@/fake-github/server";
import { db } from "./database";
import { auditBatches } from "./schema";

beforeAll(async () => {
  Object.assign(process.env, {
    GITHUB_APP_ID: "1",
    GITHUB_APP_PRIVATE_KEY: await generateAppPrivateKey(),
    GITHUB_APP_CLIENT_ID: "Iv1.client",
    GITHUB_APP_CLIENT_SECRET: "client-secret",
    AUTH_SECRET: "x".repeat(32),
    DATA_DIR: "memory://",
  });
});

afterAll(async () => {
  const holder = globalThis as typeof globalThis & { grantdeskDatabase?: Promise<{ close(): Promise<void> }> };
  await (await holder.grantdeskDatabase)?.close();
});

describe("db()", () => {
  it("opens one database per process, however many callers ask at once", async () => {
    const [first, second] = await Promise.all([db(), db()]);
    expect(first).toBe(second);
    expect(await db()).toBe(first);
    await first.insert(auditBatches).values({ id: crypto.randomUUID(), org: "acme", action: "deny", actorLogin: "mona", actorId: 1001 });
    expect(await (await db()).$count(auditBatches)).toBe(1);
  });
});
