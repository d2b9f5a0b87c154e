// The audit page's URL parameters seen as data-table state and back: one filter value per
// column, under the column ids the audit table gives its filterable columns.

import type { ColumnFilter } from "@tanstack/react-table";
import type { DataTableState, DateRangeValue } from "./table-state";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/contract/audit-record";
import { PAGE_SIZES } from "./pat-list";
import type { AuditParams } from "./audit";

export const AUDIT_FILTER_COLUMNS = {
  time: "time",
  actor: "actor",
  action: "action",
  owner: "owner",
  outcome: "outcome",
} as const;

type TableKeys = "actor" | "action" | "outcome" | "owner" | "from" | "to" | "page" | "perPage";

/** The trail has one order (newest action first), so the table holds no sorting. */
export function auditTableState(params: AuditParams): DataTableState {
  const columnFilters: ColumnFilter[] = [];
  if (params.actor.length > 0) columnFilters.push({ id: AUDIT_FILTER_COLUMNS.actor, value: params.actor });
  if (params.action) columnFilters.push({ id: AUDIT_FILTER_COLUMNS.action, value: params.action });
  if (params.owner.length > 0) columnFilters.push({ id: AUDIT_FILTER_COLUMNS.owner, value: params.owner });
  if (params.outcome) columnFilters.push({ id: AUDIT_FILTER_COLUMNS.outcome, value: params.outcome });
  if (params.from || params.to) {
    const range: DateRangeValue = { from: params.from, to: params.to };
    columnFilters.push({ id: AUDIT_FILTER_COLUMNS.time, value: range });
  }
  return { pagination: { pageIndex: params.page - 1, pageSize: params.perPage }, sorting: [], columnFilters };
}

function filterValue(state: DataTableState, id: string): unknown {
  return state.columnFilters.find((filter) => filter.id === id)?.value;
}

function logins(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((login): login is string => typeof login === "string") : [];
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | null {
  return allowed.find((option) => option === value) ?? null;
}

function dateOrNull(value: unknown): Date | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;
}

/** Every audit URL parameter for the given table state; written to the URL as one update. */
export function auditParamsFromTable(state: DataTableState): Pick<AuditParams, TableKeys> {
  const range = (filterValue(state, AUDIT_FILTER_COLUMNS.time) ?? {}) as Partial<DateRangeValue>;
  return {
    actor: logins(filterValue(state, AUDIT_FILTER_COLUMNS.actor)),
    action: oneOf(AUDIT_ACTIONS, filterValue(state, AUDIT_FILTER_COLUMNS.action)),
    owner: logins(filterValue(state, AUDIT_FILTER_COLUMNS.owner)),
    outcome: oneOf(AUDIT_OUTCOMES, filterValue(state, AUDIT_FILTER_COLUMNS.outcome)),
    from: dateOrNull(range.from),
    to: dateOrNull(range.to),
    page: state.pagination.pageIndex + 1,
    perPage: PAGE_SIZES.find((size) => size === state.pagination.pageSize) ?? PAGE_SIZES[0],
  };
}
