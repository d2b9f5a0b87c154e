import { describe, expect, it } from "vitest";
import { buildDigest, isNewlyUnused } from "./digest-contents";
import type { InventoryCandidate } from "./due-notifications";

const DAY = 24 * 60 * 60_000;
const now = new Date("2026-11-30T09:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const ahead = (ms: number) => new Date(now.getTime() + ms);

let id = 1;
const row = (changes: Partial<InventoryCandidate>): InventoryCandidate => ({
  id: id++,
  tokenId: 1,
  tokenName: `t${id}`,
  ownerLogin: "mona",
  reason: null,
  permissions: { organization: {}, repository: {}, other: {} },
  repositorySelection: "none",
  listedAt: ago(DAY),
  tokenExpired: false,
  tokenExpiresAt: null,
  tokenLastUsedAt: null,
  goneAt: null,
  ...changes,
});

describe("isNewlyUnused", () => {
  it("holds for a token last used between 90 and 91 days ago: it crossed the line since yesterday's digest", () => {
    expect(isNewlyUnused(ago(90 * DAY - 60_000), now)).toBe(false);
    expect(isNewlyUnused(ago(90 * DAY), now)).toBe(true);
    expect(isNewlyUnused(ago(90.5 * DAY), now)).toBe(true);
    expect(isNewlyUnused(ago(91 * DAY), now)).toBe(false);
    expect(isNewlyUnused(null, now)).toBe(false);
  });
});

describe("buildDigest", () => {
  it("lists pending requests oldest first, expiring tokens soonest first, newly unused tokens; with full counts", () => {
    const newest = row({ listedAt: ago(DAY) });
    const oldest = row({ listedAt: ago(9 * DAY) });
    const middle = row({ listedAt: ago(3 * DAY) });
    const in5 = row({ tokenExpiresAt: ahead(5 * DAY) });
    const in1 = row({ tokenExpiresAt: ahead(1 * DAY) });
    const in9 = row({ tokenExpiresAt: ahead(9 * DAY) });
    const expired = row({ tokenExpiresAt: ago(DAY) });
    const flagged = row({ tokenExpired: true, tokenExpiresAt: ahead(DAY) });
    const unused = row({ tokenLastUsedAt: ago(90.2 * DAY) });
    const longUnused = row({ tokenLastUsedAt: ago(120 * DAY) });
    const gone = row({ tokenExpiresAt: ahead(DAY), goneAt: ago(60_000) });
    const digest = buildDigest({
      date: "2026-11-30",
      timeZone: "UTC",
      pending: { total: 3, oldest: [newest, oldest, middle] },
      tokens: [in5, in1, in9, expired, flagged, unused, longUnused, gone],
      now,
    });
    expect(digest.pending.total).toBe(3);
    expect(digest.pending.items.map((item) => item.id)).toEqual([oldest.id, middle.id, newest.id]);
    expect(digest.expiring).toEqual({ total: 2, items: [expect.objectContaining({ id: in1.id }), expect.objectContaining({ id: in5.id })] });
    expect(digest.newlyUnused.items.map((item) => item.id)).toEqual([unused.id]);
  });

  it("shows the first ten of a list and counts the rest", () => {
    const tokens = Array.from({ length: 14 }, (_, index) => row({ tokenExpiresAt: ahead((index + 1) * 60 * 60_000) }));
    const digest = buildDigest({ date: "2026-11-30", timeZone: "UTC", pending: { total: 250, oldest: tokens.slice(0, 12) }, tokens, now });
    expect(digest.expiring.total).toBe(14);
    expect(digest.expiring.items).toHaveLength(10);
    expect(digest.pending).toMatchObject({ total: 250, items: expect.any(Array) });
    expect(digest.pending.items).toHaveLength(10);
  });
});
