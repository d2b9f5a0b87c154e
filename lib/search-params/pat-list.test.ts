import { createSerializer } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { hasPatListFilters, patListApiSearchParams, patListParsers, patListUrlKeys } from "./pat-list";
import { PAT_FILTER_COLUMNS, patListParamsFromTable, patListTableState } from "./pat-list-table-state";
import { loadRequestsSearchParams } from "./requests";

const load = (query: string) => loadRequestsSearchParams(new URLSearchParams(query));

describe("requests search params", () => {
  it("defaults to the first page of 30, newest first, unfiltered", () => {
    expect(load("")).toEqual({
      owner: [],
      repository: null,
      permission: null,
      lastUsedBefore: null,
      lastUsedAfter: null,
      signal: [],
      unused: null,
      q: null,
      state: "active",
      sort: "listed",
      direction: "desc",
      page: 1,
      perPage: 30,
      open: null,
    });
  });

  it("reads every filter under the API's parameter names", () => {
    const params = load(
      "owner=mona&owner=hubot&repository=grantdesk&permission=issues_write&last_used_before=2025-02-01&last_used_after=2025-01-01&signal=no-expiry&signal=expired&unused_days=90&q=%20ci%20&state=gone&sort=owner&direction=asc&page=3&per_page=50&request=42",
    );
    expect(params).toEqual({
      owner: ["mona", "hubot"],
      repository: "grantdesk",
      permission: "issues_write",
      lastUsedBefore: new Date("2025-02-01T00:00:00Z"),
      lastUsedAfter: new Date("2025-01-01T00:00:00Z"),
      signal: ["expired", "no-expiry"],
      unused: 90,
      q: "ci",
      state: "gone",
      sort: "owner",
      direction: "asc",
      page: 3,
      perPage: 50,
      open: 42,
    });
  });

  it("drops what GitHub would refuse: bad logins, duplicates, more than 10 owners", () => {
    const owners = Array.from({ length: 12 }, (_, i) => `owner=user${i}`).join("&");
    expect(load(`owner=-bad&owner=mona&owner=MONA&owner=a%20b&${owners}`).owner).toEqual([
      "mona",
      ...Array.from({ length: 9 }, (_, i) => `user${i}`),
    ]);
  });

  it("ignores values outside the allow-lists instead of passing them on", () => {
    const params = load("permission=issues_admin&repository=../etc&direction=sideways&per_page=1000&page=0&request=-1&last_used_before=yesterday&sort=name&state=deleted&unused_days=0");
    expect(params).toMatchObject({
      sort: "listed",
      state: "active",
      unused: null,
      permission: null,
      repository: null,
      direction: "desc",
      perPage: 30,
      page: 1,
      open: null,
      lastUsedBefore: null,
    });
    expect(load("page=1e3").page).toBe(1);
  });

  it("writes the URL back in the same shape it reads", () => {
    const serialize = createSerializer(patListParsers, { urlKeys: patListUrlKeys });
    expect(
      serialize({ owner: ["mona", "hubot"], permission: "members_read", lastUsedBefore: new Date("2025-02-01T00:00:00Z"), page: 2, perPage: 100 }),
    ).toBe("?owner=mona&owner=hubot&permission=members_read&last_used_before=2025-02-01&page=2&per_page=100");
  });
});

describe("patListApiSearchParams", () => {
  it("repeats owner and signal, and sends timestamps", () => {
    const params = load("owner=mona&owner=hubot&permission=issues_write&last_used_after=2025-01-01&signal=expired&signal=elevated&page=2&per_page=50");
    expect(patListApiSearchParams(params).toString()).toBe(
      "owner=mona&owner=hubot&permission=issues_write&last_used_after=2025-01-01T00%3A00%3A00Z&signal=expired&signal=elevated&sort=listed&direction=desc&page=2&per_page=50",
    );
  });

  it("leaves the detail panel out of the list query", () => {
    expect(patListApiSearchParams(load("request=7")).has("request")).toBe(false);
  });
});

describe("hasPatListFilters", () => {
  it("counts filters, not paging or sort", () => {
    expect(hasPatListFilters(load("page=4&direction=asc&per_page=100"))).toBe(false);
    expect(hasPatListFilters(load("repository=grantdesk"))).toBe(true);
    expect(hasPatListFilters(load("last_used_before=2025-01-01"))).toBe(true);
    expect(hasPatListFilters(load("signal=expired"))).toBe(true);
    expect(hasPatListFilters(load("q=ci"))).toBe(true);
    expect(hasPatListFilters(load("state=gone&sort=owner"))).toBe(false);
  });
});

describe("PAT list table state", () => {
  it("round-trips every list parameter through the table's state", () => {
    const params = load(
      "owner=mona&repository=grantdesk&permission=contents_write&q=deploy&last_used_after=2025-01-01&last_used_before=2025-02-01&sort=expires&direction=asc&page=4&per_page=100",
    );
    const state = patListTableState(params, "createdAt");
    expect(state.pagination).toEqual({ pageIndex: 3, pageSize: 100 });
    expect(state.sorting).toEqual([{ id: PAT_FILTER_COLUMNS.expires, desc: false }]);
    expect(state.columnFilters.map((filter) => filter.id)).toEqual([
      PAT_FILTER_COLUMNS.owner,
      PAT_FILTER_COLUMNS.repository,
      PAT_FILTER_COLUMNS.permission,
      PAT_FILTER_COLUMNS.search,
      PAT_FILTER_COLUMNS.lastUsed,
    ]);
    // Signals, unused days and the active/gone choice are set outside the table.
    const { open, signal, unused, state: listState, ...tableParams } = params;
    void [open, signal, unused, listState];
    expect(patListParamsFromTable(state, "createdAt")).toEqual(tableParams);
  });

  it("sorts by the page's own date column as `listed`", () => {
    const state = patListTableState(load("sort=listed"), "accessGrantedAt");
    expect(state.sorting).toEqual([{ id: "accessGrantedAt", desc: true }]);
    expect(patListParamsFromTable({ ...state, sorting: [{ id: PAT_FILTER_COLUMNS.owner, desc: false }] }, "accessGrantedAt")).toMatchObject({
      sort: "owner",
      direction: "asc",
    });
  });

  it("clears every filter when the table's filters are reset", () => {
    const state = patListTableState(load("owner=mona&permission=issues_read&last_used_after=2025-01-01"), "createdAt");
    expect(patListParamsFromTable({ ...state, columnFilters: [] }, "createdAt")).toMatchObject({
      owner: [],
      repository: null,
      permission: null,
      lastUsedAfter: null,
      lastUsedBefore: null,
    });
  });

  it("keeps only one end of a date range when the other is cleared", () => {
    const state = patListTableState(load(""), "createdAt");
    const next = patListParamsFromTable(
      { ...state, columnFilters: [{ id: PAT_FILTER_COLUMNS.lastUsed, value: { from: null, to: new Date("2025-03-01T00:00:00Z") } }] },
      "createdAt",
    );
    expect(next).toMatchObject({ lastUsedAfter: null, lastUsedBefore: new Date("2025-03-01T00:00:00Z") });
  });
});
