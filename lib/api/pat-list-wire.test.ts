import { describe, expect, it } from "vitest";
import type { Page, PatRequestRow, PatTokenRow } from "./contract";
import { decodePatListPage, encodeRequestListPage, encodeTokenListPage, roundTripPatListPage } from "./pat-list-wire";

const AVATARS = "https://avatars.githubusercontent.com/u";

function request(id: number, overrides: Partial<PatRequestRow> = {}): PatRequestRow {
  return {
    id,
    tokenId: id + 1000,
    tokenName: `token-${id}`,
    owner: { login: `user${id}`, id: 500 + id, avatarUrl: `${AVATARS}/${500 + id}?v=4` },
    repositorySelection: "subset",
    permissions: { organization: {}, repository: { contents: "write", metadata: "read" }, other: {} },
    tokenExpired: false,
    tokenExpiresAt: "2027-01-02T03:04:00.000Z",
    tokenLastUsedAt: null,
    reason: `Needs it for ${id}`,
    createdAt: "2026-11-20T08:15:00.000Z",
    ...overrides,
  };
}

function page<T>(items: T[]): Page<T> {
  return { items, page: 2, perPage: 100, hasNextPage: true, lastPage: 7 };
}

describe("the PAT list wire format", () => {
  it("gives back the rows it was given, requests and tokens alike", () => {
    const requests = page([
      request(1),
      request(2, { permissions: { organization: { members: "read" }, repository: {}, other: { ssh_signing_keys: "write" } }, tokenExpiresAt: null }),
      request(3, { reason: null, tokenExpired: true, tokenLastUsedAt: "2026-11-22T23:59:00.000Z", repositorySelection: "all" }),
    ]);
    expect(decodePatListPage("requests", JSON.parse(JSON.stringify(encodeRequestListPage(requests))))).toEqual(requests);

    const tokens: Page<PatTokenRow> = page(
      requests.items.map((row) => {
        const { reason, createdAt, ...rest } = row;
        void reason;
        return { ...rest, accessGrantedAt: createdAt };
      }),
    );
    expect(decodePatListPage("tokens", JSON.parse(JSON.stringify(encodeTokenListPage(tokens))))).toEqual(tokens);
  });

  it("sends the avatar URL once when the owners' follow one pattern, and each one that does not", () => {
    const odd = request(2, { owner: { login: "ghost", id: 10, avatarUrl: "https://example.com/ghost.png" } });
    const wire = encodeRequestListPage(page([request(1), odd, request(3)]));
    expect(wire.avatarUrl).toBe(`${AVATARS}/{id}?v=4`);
    expect(wire.columns.ownerAvatarUrl).toEqual([null, "https://example.com/ghost.png", null]);
    expect(decodePatListPage("requests", wire).items.map((row) => row.owner.avatarUrl)).toEqual([
      `${AVATARS}/501?v=4`,
      "https://example.com/ghost.png",
      `${AVATARS}/503?v=4`,
    ]);
    expect(encodeRequestListPage(page([request(1), request(3)])).columns).not.toHaveProperty("ownerAvatarUrl");
  });

  it("leaves out empty permission groups and sends times as whole minutes", () => {
    const wire = encodeRequestListPage(page([request(1)]));
    expect(wire.columns.permissions).toEqual([{ repository: { contents: "write", metadata: "read" } }]);
    expect(wire.columns.createdAt).toEqual([Date.parse("2026-11-20T08:15:00Z") / 60_000]);
  });

  it("carries an empty page", () => {
    const empty = { items: [], page: 1, perPage: 30, hasNextPage: false, lastPage: null };
    expect(decodePatListPage("tokens", encodeTokenListPage(empty))).toEqual(empty);
  });

  it("refuses an answer whose columns are shorter than its row count", () => {
    const wire = encodeRequestListPage(page([request(1), request(2)]));
    wire.columns.tokenName.pop();
    expect(() => decodePatListPage("requests", wire)).toThrow(/incomplete/);
  });
});

describe("times", () => {
  it("reads GitHub's Pacific times with offsets and gives them back in UTC, to the minute", () => {
    const github = page([request(1, { createdAt: "2026-11-23T14:14:45.000-08:00", tokenLastUsedAt: "2026-07-01T00:00:59Z", tokenExpiresAt: null })]);
    const [row] = roundTripPatListPage("requests", github).items;
    expect(row).toMatchObject({ createdAt: "2026-11-23T22:14:00.000Z", tokenLastUsedAt: "2026-07-01T00:00:00.000Z", tokenExpiresAt: null });
    expect(decodePatListPage("requests", encodeRequestListPage(github)).items[0]).toEqual(row);
  });
});
