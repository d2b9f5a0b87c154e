// The inventory's sync against a running fake-github, on both engines: a first sync costs one call
// per 100 rows, an unchanged org costs only 304s, rows GitHub stops listing are marked gone only
// once GitHub confirms it, and only one sync of a list runs at a time.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { control } from "@/fake-github/test-support";
import { startFakeGitHub, type FakeGitHub } from "@/fake-github/server";
import type { OpenDatabase } from "@/lib/db/open-database";
import { inventoryPages, patInventory } from "@/lib/db/inventory-schema";
import { createGitHubClient, type GitHubClient } from "@/lib/github/create-github-client";
import { POSTGRES_SKIPPED, STORAGE_BACKENDS } from "@/test-support/test-databases";
import { and, eq, isNull, sql } from "drizzle-orm";
import { syncList } from "./sync-list";

interface LogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
  notModified?: boolean;
}

let fake: FakeGitHub;

beforeAll(async () => {
  fake = await startFakeGitHub({ port: 0, seed: 11, requests: 250, tokens: 730, smtpPort: null });
});

afterAll(async () => {
  await fake?.close();
});

const log = async (since: number): Promise<LogEntry[]> => (await control<{ entries: (LogEntry & { seq: number })[] }>(fake, `log?since=${since}`)).entries;
const mark = async () => (await control<{ entries: { seq: number }[] }>(fake, "log")).entries.at(-1)?.seq ?? 0;
const counts = (org: string) => control<{ pendingRequests: number; activeTokens: number }>(fake, `state/orgs/${org}`);

for (const backend of STORAGE_BACKENDS) {
  describe.skipIf(!backend.available)(`the inventory sync on ${backend.name}${backend.available ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
    let opened: OpenDatabase;
    let client: GitHubClient;
    const sync = (kind: "requests" | "tokens", owner = "test-instance") => syncList("acme", kind, { database: opened.db, client, owner });
    const current = async (kind: "requests" | "tokens") =>
      (await opened.db.select({ n: sql<number>`count(*)::int` }).from(patInventory).where(and(eq(patInventory.kind, kind), isNull(patInventory.goneAt))))[0]!.n;

    beforeAll(async () => {
      await control(fake, "reset", {});
      opened = await backend.open();
      client = createGitHubClient({ apiUrl: fake.url, appId: String(fake.appId), privateKey: fake.appPrivateKeyPem, timeoutMs: 5_000 });
    });

    afterAll(async () => {
      await opened?.close();
    });

    it("reads every row of a list in one call per 100 rows: the newest page, then the older ones oldest first", async () => {
      const truth = await counts("acme");
      const before = await mark();
      const outcome = await sync("tokens");
      const calls = (await log(before)).filter((entry) => entry.path === "/orgs/acme/personal-access-tokens");
      expect(outcome).toMatchObject({ status: "done", pages: Math.ceil(truth.activeTokens / 100), calls: Math.ceil(truth.activeTokens / 100), notModified: 0, gone: 0 });
      // The embedded database runs no autovacuum: a sync that wrote this many rows analyzes it
      // (reltuples is -1 until a table is first vacuumed or analyzed). PostgreSQL's autovacuum does that itself.
      if (backend.name === "PGlite") {
        const result = await opened.db.execute(sql`select reltuples::float8 as n from pg_class where relname = 'pat_inventory'`);
        const [analyzed] = (result as unknown as { rows: { n: number }[] }).rows;
        expect(analyzed!.n).toBe(truth.activeTokens);
      }
      expect(calls).toHaveLength(Math.ceil(truth.activeTokens / 100));
      expect(calls.every((entry) => /per_page=100/.test(entry.query))).toBe(true);
      const order = calls.map((entry) => new URLSearchParams(entry.query)).map((query) => `${query.get("direction")} ${query.get("page")}`);
      expect(order.sort()).toEqual(["desc 1", ...Array.from({ length: Math.ceil(truth.activeTokens / 100) - 1 }, (_, index) => `asc ${index + 1}`)].sort());
      expect(await current("tokens")).toBe(truth.activeTokens);
      await sync("requests");
      expect(await current("requests")).toBe(truth.pendingRequests);
    });

    it("re-reads an unchanged org with 304s only, which cost no rate limit", async () => {
      const before = await mark();
      const outcome = await sync("tokens");
      expect(outcome).toMatchObject({ status: "done", gone: 0 });
      if (outcome.status !== "done") return;
      expect(outcome.notModified).toBe(outcome.calls);
      const calls = (await log(before)).filter((entry) => entry.path === "/orgs/acme/personal-access-tokens");
      expect(calls.map((entry) => entry.status)).toEqual(calls.map(() => 304));
    });

    it("marks a token revoked on GitHub gone once a lookup by its token id confirms it, and adds a new request", async () => {
      const [token] = await opened.db.select().from(patInventory).where(eq(patInventory.kind, "tokens")).limit(1);
      await control(fake, `orgs/acme/tokens/${token!.id}/revoke`, {});
      const created = await control<{ id: number }>(fake, "orgs/acme/requests", { owner: "hubot", reason: "Nightly backups" });
      const before = await mark();
      expect(await sync("tokens")).toMatchObject({ status: "done", gone: 1 });
      const lookups = (await log(before)).filter((entry) => entry.path === "/orgs/acme/personal-access-tokens" && /token_id/.test(entry.query));
      expect(lookups).toHaveLength(1);
      const [gone] = await opened.db.select().from(patInventory).where(and(eq(patInventory.kind, "tokens"), eq(patInventory.id, token!.id)));
      expect(gone).toMatchObject({ goneReason: "revoked_outside" });
      expect(gone!.goneAt).toBeInstanceOf(Date);

      await sync("requests");
      const [request] = await opened.db.select().from(patInventory).where(and(eq(patInventory.kind, "requests"), eq(patInventory.id, created.id)));
      expect(request).toMatchObject({ ownerLogin: "hubot", reason: "Nightly backups", goneAt: null });
    });

    it("does not take a row the pass missed for gone while GitHub still lists it", async () => {
      // As if the row had slipped to a page already read: the stored page no longer holds it, and
      // GitHub answers that page with a 304, so the pass never sees the row.
      const [page] = await opened.db.select().from(inventoryPages).where(and(eq(inventoryPages.kind, "tokens"), eq(inventoryPages.page, 2)));
      const [missed, ...rest] = page!.ids;
      await opened.db.update(inventoryPages).set({ ids: rest }).where(and(eq(inventoryPages.kind, "tokens"), eq(inventoryPages.page, 2)));
      expect(await sync("tokens")).toMatchObject({ status: "done", gone: 0 });
      const [row] = await opened.db.select().from(patInventory).where(and(eq(patInventory.kind, "tokens"), eq(patInventory.id, missed!)));
      expect(row!.goneAt).toBeNull();
    });

    it("re-reads a list whose last page is full with 304s only, and still finds a row added after it", async () => {
      const pending = (await counts("acme")).pendingRequests;
      for (let added = pending; added % 100 !== 0; added++) await control(fake, "orgs/acme/requests", { owner: "hubot", reason: `Fill ${added}` });
      expect(await sync("requests")).toMatchObject({ status: "done" });
      const full = (await counts("acme")).pendingRequests;
      expect(full % 100).toBe(0);

      const before = await mark();
      const unchanged = await sync("requests");
      expect(unchanged).toMatchObject({ status: "done", calls: full / 100, notModified: full / 100, listed: full });
      const calls = (await log(before)).filter((entry) => entry.path === "/orgs/acme/personal-access-token-requests");
      expect(calls.map((entry) => entry.status)).toEqual(calls.map(() => 304));

      const created = await control<{ id: number }>(fake, "orgs/acme/requests", { owner: "mona", reason: "One past a full page" });
      expect(await sync("requests")).toMatchObject({ status: "done", listed: full + 1 });
      const [row] = await opened.db.select().from(patInventory).where(and(eq(patInventory.kind, "requests"), eq(patInventory.id, created.id)));
      expect(row).toMatchObject({ reason: "One past a full page", goneAt: null });
      expect(await current("requests")).toBe(full + 1);
    });

    it("runs one sync of a list at a time: a second one meanwhile is turned away", async () => {
      const [first, second] = await Promise.all([sync("requests", "instance-a"), sync("requests", "instance-b")]);
      expect([first.status, second.status].sort()).toEqual(["busy", "done"]);
    });

    it("fails with GitHub's reason and marks nothing gone when a page cannot be read", async () => {
      await control(fake, "faults", { faults: [{ method: "GET", path: "^/orgs/acme/personal-access-token-requests$", status: 403, times: 5 }] });
      try {
        const before = await current("requests");
        const outcome = await sync("requests");
        expect(outcome).toMatchObject({ status: "failed", code: "missing_permission" });
        expect(await current("requests")).toBe(before);
      } finally {
        await control(fake, "faults", { faults: [] });
      }
    });
  });
}
