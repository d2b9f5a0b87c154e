import { describe, expect, it } from "vitest";
import { auditApiSearchParams, auditFilterSearchParams, hasAuditFilters, loadAuditSearchParams } from "./audit";
import { AUDIT_FILTER_COLUMNS, auditParamsFromTable, auditTableState } from "./audit-table-state";

const load = (query: string) => loadAuditSearchParams(new URLSearchParams(query));

describe("audit search params", () => {
  it("defaults to the first page of 30, unfiltered", () => {
    const params = load("");
    expect(params).toEqual({ actor: [], action: null, outcome: null, owner: [], from: null, to: null, batch: null, page: 1, perPage: 30 });
    expect(hasAuditFilters(params)).toBe(false);
  });

  it("reads every filter, and passes them to the API with the days as dates (to: that whole day)", () => {
    const params = load("actor=mona&actor=octocat&action=deny&outcome=failed&owner=hubot&from=2026-01-01&to=2026-01-31&page=2&per_page=50");
    expect(params).toMatchObject({ actor: ["mona", "octocat"], action: "deny", outcome: "failed", owner: ["hubot"], page: 2, perPage: 50 });
    expect(hasAuditFilters(params)).toBe(true);
    expect(auditApiSearchParams(params).toString()).toBe(
      "actor=mona&actor=octocat&action=deny&outcome=failed&owner=hubot&from=2026-01-01&to=2026-01-31&page=2&per_page=50",
    );
    // An export takes every matching record, so no page.
    expect(auditFilterSearchParams(params).has("page")).toBe(false);
  });

  it("ignores values outside the allow-lists instead of passing them on", () => {
    expect(load("action=delete&outcome=maybe&actor=-x&from=yesterday&per_page=1000&page=0")).toEqual(load(""));
  });
});

describe("audit table state", () => {
  it("round-trips the URL's filters and page through the table", () => {
    const params = load("actor=mona&action=revoke&outcome=unknown&owner=hubot&from=2026-01-01&to=2026-01-02&page=3&per_page=100");
    const state = auditTableState(params);
    expect(state.columnFilters.map((filter) => filter.id)).toEqual([
      AUDIT_FILTER_COLUMNS.actor,
      AUDIT_FILTER_COLUMNS.action,
      AUDIT_FILTER_COLUMNS.owner,
      AUDIT_FILTER_COLUMNS.outcome,
      AUDIT_FILTER_COLUMNS.time,
    ]);
    // One job's records (`batch`) is not a column filter: the table leaves it as it is.
    const { batch, ...tableParams } = params;
    expect(batch).toBeNull();
    expect(auditParamsFromTable(state)).toEqual(tableParams);
  });

  it("reads one job's batch id, refusing anything that is not a job's id", () => {
    const id = "0b6f3a52-2c1e-4d3f-9f1e-8d2a3b4c5d6e";
    expect(load(`batch=${id.toUpperCase()}`).batch).toBe(id);
    expect(hasAuditFilters(load(`batch=${id}`))).toBe(true);
    expect(auditApiSearchParams(load(`batch=${id}`)).get("batch")).toBe(id);
    expect(load("batch=not-a-job").batch).toBeNull();
  });

  it("clears a filter the table removed, and keeps only allowed values and page sizes", () => {
    const state = auditTableState(load("actor=mona&page=2"));
    const next = auditParamsFromTable({
      ...state,
      columnFilters: [{ id: AUDIT_FILTER_COLUMNS.action, value: "delete" }],
      pagination: { pageIndex: 0, pageSize: 42 },
    });
    expect(next).toMatchObject({ actor: [], action: null, page: 1, perPage: 30 });
  });
});
