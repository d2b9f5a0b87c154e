"use client";

import { useQuery } from "@tanstack/react-query";
import { DownloadIcon } from "lucide-react";
import { useQueryStates } from "nuqs";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useDataTable } from "@/components/data-table/use-data-table";
import { Button, buttonClassName } from "@/components/ui/button";
import type { AuditRecord } from "@/lib/contract/audit-record";
import { auditExportHref, auditListQuery } from "@/lib/browser-api/audit-queries";
import { auditSearchParams, auditUrlKeys, hasAuditFilters } from "@/lib/search-params/audit";
import { auditParamsFromTable, auditTableState } from "@/lib/search-params/audit-table-state";
import { PAGE_SIZES } from "@/lib/search-params/pat-list";
import { RECORD_NOUN } from "@/lib/format/nouns";
import { createAuditColumns } from "./audit-columns";
import { AuditEmpty } from "./audit-empty";
import { VerifyTrail } from "./verify-trail";

const NO_RECORDS: AuditRecord[] = [];
const NO_SELECTION = {};
const ignoreSelection = () => undefined;

/** The audit trail: filters and page in the URL, newest action first, export of what matches. */
export function AuditView({ org }: { org: string }) {
  // Pushed, not replaced: back and forward step through filters and pages.
  const [params, setParams] = useQueryStates(auditSearchParams, { urlKeys: auditUrlKeys, history: "push" });
  const query = useQuery(auditListQuery(org, params));
  const columns = useMemo(() => createAuditColumns(), []);
  const tableState = useMemo(() => auditTableState(params), [params]);

  const table = useDataTable({
    data: query.data?.items ?? NO_RECORDS,
    columns,
    // One row per id of each action.
    getRowId: (record) => `${record.batchId}:${record.targetId}`,
    state: tableState,
    onStateChange: (next) => void setParams(auditParamsFromTable(next)),
    pageInfo: { hasNextPage: query.data?.hasNextPage ?? false, lastPage: query.data?.lastPage ?? null },
    rowSelection: NO_SELECTION,
    onRowSelectionChange: ignoreSelection,
  });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex flex-col gap-1">
          <h2 className="text-base font-semibold text-zinc-900">Audit trail</h2>
          <p className="text-sm text-zinc-600">
            Every approve, deny and revoke sent from Grantdesk for {org}: who did it, when, why, and what GitHub answered for each request or token. Records are
            never changed or deleted, and each is hash-chained to the one before, so an edit made around Grantdesk shows when the trail is verified.
          </p>
        </div>
        <VerifyTrail org={org} />
      </div>
      {params.batch ? (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-2 text-sm text-indigo-950" role="status">
          <span>
            Showing one job&apos;s records: <code className="text-xs">{params.batch}</code>
          </span>
          <Button variant="ghost" size="sm" onClick={() => void setParams({ batch: null, page: 1 })}>
            Show every action
          </Button>
        </div>
      ) : null}
      <DataTableToolbar table={table}>
        <a href={auditExportHref(org, params, "csv")} download className={buttonClassName({})}>
          <DownloadIcon aria-hidden />
          Export CSV
        </a>
        <a href={auditExportHref(org, params, "jsonl")} download className={buttonClassName({})}>
          <DownloadIcon aria-hidden />
          Export JSON lines
        </a>
      </DataTableToolbar>
      <DataTable
        table={table}
        label="Audit trail"
        noun={RECORD_NOUN}
        isLoading={query.isPending}
        isRefreshing={query.isFetching && !query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        skeletonRowCount={Math.min(params.perPage, 12)}
        empty={
          <AuditEmpty
            filtered={hasAuditFilters(params)}
            page={params.page}
            onResetFilters={() => {
              table.resetColumnFilters(true);
              void setParams({ batch: null });
            }}
            onFirstPage={() => table.firstPage()}
          />
        }
      />
      {query.isError && !query.data ? null : <DataTablePagination table={table} pageSizes={PAGE_SIZES} noun={RECORD_NOUN} />}
    </div>
  );
}
