// The per-user limits, counted in the database: on both engines, and across two instances
// (two handles, each with its own pool and limiter, on one PostgreSQL database).

import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/contract/api-error";
import { rateLimits } from "@/lib/db/rate-limit-schema";
import { openDatabase, type OpenDatabase } from "@/lib/db/open-database";
import { createPostgresDatabase, POSTGRES_SKIPPED, STORAGE_BACKENDS, TEST_DATABASE_URL } from "@/test-support/test-databases";
import { createUserRateLimiter, type UserRateLimiter } from "./user-rate-limit";

const MONA = 1001;
const HUBOT = 480_938;

/** Answers "ok" or the refusal's code and retryAfter. */
async function attempt(limiter: UserRateLimiter, user: number, kind: "reads" | "writes") {
  try {
    await limiter.consume(user, kind);
    return "ok";
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, status: error.status, retryAfter: error.retryAfter, message: error.message };
    throw error;
  }
}

const toClose: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (toClose.length) await toClose.pop()!();
});

describe.each(STORAGE_BACKENDS)("per-user rate limits on $name", (backend) => {
  it.skipIf(!backend.available)(`counts each user's reads and writes apart, refusing the one too many with 429 and when to retry${backend.available ? "" : ` (${POSTGRES_SKIPPED})`}`, async () => {
    const opened = await backend.open();
    toClose.push(opened.close);
    const limiter = createUserRateLimiter(opened.db, { readsPerMinute: 3, writesPerMinute: 2 }, { pruneExpired: false });

    for (let call = 0; call < 3; call++) expect(await attempt(limiter, MONA, "reads")).toBe("ok");
    const refused = await attempt(limiter, MONA, "reads");
    expect(refused).toMatchObject({ code: "too_many_requests", status: 429, message: expect.stringContaining("3 a minute") });
    expect((refused as { retryAfter: number }).retryAfter).toBeGreaterThanOrEqual(1);
    expect((refused as { retryAfter: number }).retryAfter).toBeLessThanOrEqual(60);

    // Writes and other users have counts of their own.
    expect(await attempt(limiter, MONA, "writes")).toBe("ok");
    expect(await attempt(limiter, MONA, "writes")).toBe("ok");
    expect(await attempt(limiter, MONA, "writes")).toMatchObject({ code: "too_many_requests" });
    expect(await attempt(limiter, HUBOT, "reads")).toBe("ok");

    // The counts are in the database, where every instance reads them.
    const rows = await opened.db.select().from(rateLimits);
    expect(Object.fromEntries(rows.map((row) => [row.key, row.points]))).toEqual({ [`reads:${HUBOT}`]: 1, [`reads:${MONA}`]: 4, [`writes:${MONA}`]: 3 });
    expect(rows[0]!.expire!.getTime()).toBeGreaterThan(Date.now());
  });

  it.skipIf(!backend.available)("keeps limiting, in memory, when the database fails", async () => {
    const opened = await backend.open();
    const limiter = createUserRateLimiter(opened.db, { readsPerMinute: 2, writesPerMinute: 2 }, { pruneExpired: false });
    await opened.close();
    expect(await attempt(limiter, MONA, "reads")).toBe("ok");
    expect(await attempt(limiter, MONA, "reads")).toBe("ok");
    expect(await attempt(limiter, MONA, "reads")).toMatchObject({ code: "too_many_requests" });
  });

  it("lets every call through when a limit is 0", async () => {
    const limiter = createUserRateLimiter(null, { readsPerMinute: 0, writesPerMinute: 1 });
    for (let call = 0; call < 50; call++) expect(await attempt(limiter, MONA, "reads")).toBe("ok");
    expect(await attempt(limiter, MONA, "writes")).toBe("ok");
    expect(await attempt(limiter, MONA, "writes")).toMatchObject({ code: "too_many_requests" });
  });
});

describe.skipIf(!TEST_DATABASE_URL)(`across two instances on one PostgreSQL${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
  it("holds one user to one limit, whichever instance they reach, even when they call both at once", async () => {
    const database = await createPostgresDatabase();
    const instances: OpenDatabase[] = [];
    toClose.push(async () => {
      for (const instance of instances) await instance.close();
      await database.drop();
    });
    instances.push(await openDatabase({ databaseUrl: database.url, dataDir: "unused" }));
    instances.push(await openDatabase({ databaseUrl: database.url, dataDir: "unused" }));
    const [first, second] = instances.map((instance) => createUserRateLimiter(instance.db, { readsPerMinute: 10, writesPerMinute: 10 }, { pruneExpired: false }));

    // One after another, alternating: the 11th call is refused, on either instance.
    for (let call = 0; call < 10; call++) expect(await attempt(call % 2 ? second! : first!, MONA, "reads")).toBe("ok");
    expect(await attempt(first!, MONA, "reads")).toMatchObject({ code: "too_many_requests" });
    expect(await attempt(second!, MONA, "reads")).toMatchObject({ code: "too_many_requests" });

    // 30 at once, 15 to each: exactly 10 get through (each count is one atomic upsert).
    const answers = await Promise.all(Array.from({ length: 30 }, (_, call) => attempt(call % 2 ? second! : first!, HUBOT, "writes")));
    expect(answers.filter((answer) => answer === "ok")).toHaveLength(10);
    expect(answers.filter((answer) => answer !== "ok").every((answer) => (answer as { code: string }).code === "too_many_requests")).toBe(true);
  });
});
