// Org-wide lists from the inventory, on both engines, checked against GitHub's own rows: every
// signal filter, owner, permission, search and sort agrees with what fake-github holds, counts are
// exact, and pages neither overlap nor skip.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "@/fake-github/server";
import type { InventoryFilters, InventorySort } from "@/lib/contract/inventory";
import type { PatTokenRow } from "@/lib/contract/pat-rows";
import type { OpenDatabase } from "@/lib/db/open-database";
import { createGitHubClient, type GitHubClient } from "@/lib/github/create-github-client";
import { listPatPage } from "@/lib/github/pat-lists";
import { POSTGRES_SKIPPED, STORAGE_BACKENDS } from "@/test-support/test-databases";
import { sql } from "drizzle-orm";
import { maxPermissionLevel } from "./inventory-rows";
import { markGone, upsertListedRows } from "./inventory-store";
import { listFacets, listInventory } from "./list-inventory";
import { syncList } from "./sync-list";
import { bumpRowsVersion } from "./sync-state";

const DAY = 24 * 60 * 60 * 1000;
let fake: FakeGitHub;
let client: GitHubClient;
/** Every token grant of acme, as GitHub lists it. */
let truth: PatTokenRow[];

beforeAll(async () => {
  fake = await startFakeGitHub({ port: 0, seed: 5, requests: 40, tokens: 640, smtpPort: null });
  client = createGitHubClient({ apiUrl: fake.url, appId: String(fake.appId), privateKey: fake.appPrivateKeyPem, timeoutMs: 5_000 });
  truth = [];
  for (let page = 1; ; page++) {
    const answer = await listPatPage("acme", "tokens", { page, perPage: 100 }, client);
    truth.push(...answer.items);
    if (!answer.hasNextPage) break;
  }
});

afterAll(async () => {
  await fake?.close();
});

const expired = (row: PatTokenRow, now: Date) => row.tokenExpired || (row.tokenExpiresAt !== null && Date.parse(row.tokenExpiresAt) <= now.getTime());
const idsOf = (rows: { id: number }[]) => rows.map((row) => row.id).sort((a, b) => a - b);

for (const backend of STORAGE_BACKENDS) {
  describe.skipIf(!backend.available)(`org-wide lists on ${backend.name}${backend.available ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
    let opened: OpenDatabase;
    const now = new Date();
    const all = async (filters: InventoryFilters, sort: InventorySort = { column: "listed", direction: "desc" }) => {
      const rows: PatTokenRow[] = [];
      let total = -1;
      for (let page = 1; ; page++) {
        const answer = await listInventory(opened.db, "acme", "tokens", { filters, sort, page, perPage: 100 }, { now });
        total = answer.total;
        rows.push(...answer.items);
        if (!answer.hasNextPage) break;
      }
      expect(rows).toHaveLength(total);
      expect(new Set(rows.map((row) => row.id)).size).toBe(total);
      return rows;
    };

    beforeAll(async () => {
      opened = await backend.open();
      await syncList("acme", "tokens", { database: opened.db, client, owner: "test" });
    });

    afterAll(async () => {
      await opened?.close();
    });

    it.each<[string, InventoryFilters, (row: PatTokenRow) => boolean]>([
      ["expired", { signals: ["expired"] }, (row) => expired(row, now)],
      ["no expiry", { signals: ["no-expiry"] }, (row) => row.tokenExpiresAt === null],
      ["never used", { signals: ["never-used"] }, (row) => row.tokenLastUsedAt === null],
      ["write or admin", { signals: ["elevated"] }, (row) => maxPermissionLevel(row.permissions) >= 2],
      ["all repositories", { signals: ["all-repositories"] }, (row) => row.repositorySelection === "all"],
      [
        "expiring within 30 days",
        { signals: ["expiring-30"] },
        (row) => !expired(row, now) && row.tokenExpiresAt !== null && Date.parse(row.tokenExpiresAt) <= now.getTime() + 30 * DAY,
      ],
      ["unused for 90 days", { unusedDays: 90 }, (row) => row.tokenLastUsedAt !== null && Date.parse(row.tokenLastUsedAt) < now.getTime() - 90 * DAY],
      [
        "no expiry and write or admin, of two owners",
        { signals: ["no-expiry", "elevated"], owner: ["MONA", "hubot"] },
        (row) => row.tokenExpiresAt === null && maxPermissionLevel(row.permissions) >= 2 && ["mona", "hubot"].includes(row.owner.login),
      ],
      ["a permission at its exact level", { permission: "contents_write" }, (row) => row.permissions.repository.contents === "write"],
    ])("filters by %s across the whole org, exactly as GitHub's rows say", async (_, filters, keep) => {
      const expected = truth.filter(keep);
      expect(expected.length).toBeGreaterThan(0);
      expect(idsOf(await all(filters))).toEqual(idsOf(expected));
    });

    it("searches token names and owners, case-insensitively, with % and _ taken literally", async () => {
      const name = truth[0]!.tokenName;
      const word = name.slice(0, 4).toUpperCase();
      expect(idsOf(await all({ search: word }))).toEqual(
        idsOf(truth.filter((row) => row.tokenName.toUpperCase().includes(word) || row.owner.login.toUpperCase().includes(word))),
      );
      expect(await all({ search: "%" })).toEqual([]);
    });

    it("sorts by expiry with never-expiring tokens last, and by owner", async () => {
      const byExpiry = await all({}, { column: "expires", direction: "asc" });
      const times = byExpiry.map((row) => (row.tokenExpiresAt === null ? Infinity : Date.parse(row.tokenExpiresAt)));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const byOwner = await all({}, { column: "owner", direction: "asc" });
      const owners = byOwner.map((row) => row.owner.login.toLowerCase());
      expect(owners).toEqual([...owners].sort());
    });

    it("counts each signal among the matches, and the owners holding most", async () => {
      const facets = await listFacets(opened.db, "acme", "tokens", { signals: ["elevated"] }, { now });
      const elevated = truth.filter((row) => maxPermissionLevel(row.permissions) >= 2);
      expect(facets.total).toBe(elevated.length);
      expect(facets.signals.expired).toBe(elevated.filter((row) => expired(row, now)).length);
      expect(facets.signals["no-expiry"]).toBe(elevated.filter((row) => row.tokenExpiresAt === null).length);
      const top = facets.owners[0]!;
      expect(top.count).toBe(elevated.filter((row) => row.owner.login === top.login).length);
      expect(facets.owners.every((owner, index) => index === 0 || facets.owners[index - 1]!.count >= owner.count)).toBe(true);
    });

    it("counts a filter once per version of the list's rows, and anew after every change through the store", async () => {
      const ask = async () => (await listInventory(opened.db, "acme", "tokens", { filters: { signals: ["expired"] }, sort: { column: "listed", direction: "desc" }, page: 1, perPage: 100 }, { now })).total;
      const before = await ask();
      const fresh = { ...truth.find((row) => !expired(row, now))!, id: 9_900_001, tokenId: 9_900_001, tokenExpired: true };
      await upsertListedRows(opened.db, "acme", "tokens", [fresh], now);
      expect(await ask()).toBe(before + 1);
      // A change behind the store's back (no version moved) is not counted: the count is reused.
      await opened.db.execute(sql`update pat_inventory set token_expired = false where org = 'acme' and kind = 'tokens' and id = ${fresh.id}`);
      expect(await ask()).toBe(before + 1);
      await bumpRowsVersion(opened.db, "acme", "tokens");
      expect(await ask()).toBe(before);
      await opened.db.execute(sql`update pat_inventory set token_expired = true where org = 'acme' and kind = 'tokens' and id = ${fresh.id}`);
      await bumpRowsVersion(opened.db, "acme", "tokens");
      expect(await ask()).toBe(before + 1);
      await markGone(opened.db, "acme", "tokens", [fresh.id], "revoked", now);
      expect(await ask()).toBe(before);
      expect((await listFacets(opened.db, "acme", "tokens", {}, { now })).signals.expired).toBe(before);
    });

    it("keeps only 'all repositories' tokens and the subset tokens GitHub names for a repository filter", async () => {
      const subset = truth.find((row) => row.repositorySelection === "subset")!;
      const rows = await listInventory(
        opened.db,
        "acme",
        "tokens",
        { filters: { repository: "whatever" }, sort: { column: "listed", direction: "asc" }, page: 1, perPage: 100 },
        { now, repositoryIds: [subset.id] },
      );
      expect(rows.total).toBe(truth.filter((row) => row.repositorySelection === "all").length + 1);
      expect(rows.items.every((row) => row.repositorySelection === "all" || row.id === subset.id)).toBe(true);
    });
  });
}
