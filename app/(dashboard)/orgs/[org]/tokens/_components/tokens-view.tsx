"use client";

import { BanIcon } from "lucide-react";
import { createSerializer, useQueryStates } from "nuqs";
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableActionBar } from "@/components/data-table/data-table-action-bar";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useBulkAction } from "@/components/data-table/use-bulk-action";
import { useDataTable } from "@/components/data-table/use-data-table";
import { usePatListPage } from "@/components/pat/use-pat-list-page";
import { Button } from "@/components/ui/button";
import type { PatTokenRow } from "@/lib/api/contract";
import { auditKeys } from "@/lib/client/audit-queries";
import { patKeys } from "@/lib/client/pat-queries";
import { revokeTokens } from "@/lib/client/revoke-tokens";
import { hasPatListFilters, PAGE_SIZES } from "@/lib/search-params/pat-list";
import { patListParamsFromTable, patListTableState } from "@/lib/search-params/pat-list-table-state";
import { tokensSearchParams, tokensUrlKeys } from "@/lib/search-params/tokens";
import { describeRevokeOutcome, TOKEN_NOUN } from "./revoke-wording";
import { createTokenColumns } from "./token-columns";
import { TokenViews } from "./token-views";

// Loaded when first needed: the table's first paint (with rows) needs none of them.
const TokensEmpty = lazy(() => import("./tokens-empty").then((module) => ({ default: module.TokensEmpty })));
const TokenDetailPanel = lazy(() => import("./token-detail-panel").then((module) => ({ default: module.TokenDetailPanel })));
const RevokeDialog = lazy(() => import("./revoke-dialog").then((module) => ({ default: module.RevokeDialog })));

const serializeTokensUrl = createSerializer(tokensSearchParams, { urlKeys: tokensUrlKeys });

interface RevokeInput {
  note: string;
  /** Each revoked grant's token id, by grant id. */
  tokenIds: ReadonlyMap<number, number>;
}

/** The active tokens: hygiene signals on every row, views and filters in the URL, revoke one or many, details in a panel. */
export function TokensView({ org }: { org: string }) {
  // Pushed, not replaced: back and forward step through filters, views, pages and opened tokens.
  const [params, setParams] = useQueryStates(tokensSearchParams, { urlKeys: tokensUrlKeys, history: "push" });
  const tableRegion = useRef<HTMLDivElement>(null);

  const bulk = useBulkAction<RevokeInput>({
    submit: (ids, { note, tokenIds }) => revokeTokens(org, { ids, tokenIds: ids.map((id) => tokenIds.get(id)!), note }),
    listKey: patKeys.lists(org, "tokens"),
    alsoChanges: [auditKeys.all(org)],
    describeOutcome: (accepted, failed) => describeRevokeOutcome(accepted, failed),
  });

  const list = usePatListPage(org, "tokens", params, bulk);
  const { query, rows } = list;

  const [revoking, setRevoking] = useState<PatTokenRow[] | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);

  const openToken = useCallback((row: PatTokenRow) => void setParams({ token: row.id }), [setParams]);
  const startRevoke = useCallback((revokeRows: PatTokenRow[]) => {
    setRevokeError(null);
    setRevoking(revokeRows);
  }, []);

  const confirmRevoke = async (revokeRows: PatTokenRow[], note: string) => {
    const tokenIds = new Map(revokeRows.map((row) => [row.id, row.tokenId]));
    const outcome = await list.run([...tokenIds.keys()], { note, tokenIds });
    if (!outcome) return;
    const { result, accepted } = outcome;
    if (result.accepted === 0) {
      // Nothing went through: keep the dialog (and the note typed) for a retry.
      setRevokeError(result.results.find((item) => !item.ok)?.error ?? "GitHub did not accept the revoke.");
      return;
    }
    setRevoking(null);
    if (params.token !== null && accepted.has(String(params.token))) void setParams({ token: null });
  };

  const columns = useMemo(
    () =>
      createTokenColumns({
        tokenHref: (row) => serializeTokensUrl({ ...params, token: row.id }),
        openToken,
        revoke: startRevoke,
        revoking: bulk.isPending,
        markedSignal: params.signal,
      }),
    [params, openToken, startRevoke, bulk.isPending],
  );

  const tableState = useMemo(() => patListTableState(params, "accessGrantedAt"), [params]);
  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (row) => String(row.id),
    state: tableState,
    // A new page or filter closes the open token: it may not be in the new list.
    onStateChange: (next) => void setParams({ ...patListParamsFromTable(next), token: null }),
    pageInfo: list.pageInfo,
    rowSelection: list.rowSelection,
    onRowSelectionChange: list.setRowSelection,
  });

  const selectedRows = table.getSelectedRowModel().rows.map((row) => row.original);
  const selectedIds = useMemo(() => new Set(Object.keys(list.rowSelection)), [list.rowSelection]);
  const openRow = params.token === null ? undefined : rows.find((row) => row.id === params.token);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h2 className="text-base font-semibold text-zinc-900">Active tokens</h2>
        <p className="text-sm text-zinc-600">
          Fine-grained personal access tokens with access to {org}. Signals under each name mark tokens that may no longer be needed; hover or focus
          them for the reason.
        </p>
      </div>
      <TokenViews
        lastUsedBefore={params.lastUsedBefore}
        lastUsedAfter={params.lastUsedAfter}
        marked={params.signal}
        rows={rows}
        selectedIds={selectedIds}
        // A GitHub filter like any other: back to page 1, and the open token may leave the list.
        onUnusedView={(cutoff) => void setParams({ lastUsedBefore: cutoff, lastUsedAfter: null, page: 1, token: null })}
        onMark={(signal) => void setParams({ signal })}
        onSelect={(matching) => list.setRowSelection(Object.fromEntries(matching.map((row) => [String(row.id), true])))}
      />
      <DataTableToolbar table={table} />
      <DataTable
        ref={tableRegion}
        table={table}
        label="Active tokens"
        what="tokens"
        isLoading={query.isPending || list.waitingForGitHub}
        isRefreshing={query.isFetching && !query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        onRowOpen={openToken}
        activeRowId={params.token === null ? null : String(params.token)}
        rowErrors={bulk.rowErrors}
        skeletonRowCount={Math.min(params.perPage, 12)}
        empty={
          <TokensEmpty
            org={org}
            filtered={hasPatListFilters(params)}
            page={params.page}
            onResetFilters={() => table.resetColumnFilters(true)}
            onFirstPage={() => table.firstPage()}
          />
        }
      />
      {query.isError && rows.length === 0 ? null : <DataTablePagination table={table} pageSizes={PAGE_SIZES} what="Tokens" />}
      <DataTableActionBar table={table} noun={TOKEN_NOUN}>
        <Button size="sm" variant="danger" disabled={bulk.isPending} onClick={() => startRevoke(selectedRows)}>
          <BanIcon aria-hidden />
          Revoke…
        </Button>
      </DataTableActionBar>
      {/* A boundary each: loading one must not hide the other while it is open. */}
      <Suspense fallback={null}>
        {params.token !== null ? (
          <TokenDetailPanel
            org={org}
            tokenId={params.token}
            token={openRow}
            loading={query.isPending}
            error={openRow ? bulk.rowErrors.get(String(openRow.id)) : undefined}
            revoking={bulk.isPending}
            onRevoke={(row) => startRevoke([row])}
            onClose={() => void setParams({ token: null })}
            fallbackFocus={() => tableRegion.current}
          />
        ) : null}
      </Suspense>
      <Suspense fallback={null}>
        {revoking !== null ? (
          <RevokeDialog
            org={org}
            rows={revoking}
            onClose={() => setRevoking(null)}
            onConfirm={(revokeRows, note) => void confirmRevoke(revokeRows, note)}
            pending={bulk.isPending}
            error={revokeError}
            fallbackFocus={() => tableRegion.current}
          />
        ) : null}
      </Suspense>
    </div>
  );
}
