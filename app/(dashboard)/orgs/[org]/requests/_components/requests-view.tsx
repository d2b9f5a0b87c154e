"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { RowSelectionState } from "@tanstack/react-table";
import { CheckIcon, XIcon } from "lucide-react";
import { createSerializer, useQueryStates } from "nuqs";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableActionBar } from "@/components/data-table/data-table-action-bar";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useBulkAction } from "@/components/data-table/use-bulk-action";
import { useDataTable } from "@/components/data-table/use-data-table";
import { Button } from "@/components/ui/button";
import type { PatRequestRow } from "@/lib/api/contract";
import { patKeys, patListQuery } from "@/lib/client/pat-queries";
import { reviewRequests, type ReviewAction } from "@/lib/client/review-requests";
import { hasPatListFilters, PAGE_SIZES, pickPatListParams } from "@/lib/search-params/pat-list";
import { patListParamsFromTable, patListTableState } from "@/lib/search-params/pat-list-table-state";
import { requestsSearchParams, requestsUrlKeys } from "@/lib/search-params/requests";
import { createRequestColumns } from "./request-columns";
import { RequestDetailPanel } from "./request-detail-panel";
import { RequestsEmpty } from "./requests-empty";
import { ReviewDialog, type PendingReview } from "./review-dialog";
import { describeReviewOutcome, REQUEST_NOUN } from "./review-wording";

const NO_ROWS: PatRequestRow[] = [];
const NO_SELECTION: RowSelectionState = {};
const serializeRequestsUrl = createSerializer(requestsSearchParams, { urlKeys: requestsUrlKeys });

interface ReviewInput {
  action: ReviewAction;
  reason: string;
  /** Each reviewed request's token id, by request id. */
  tokenIds: ReadonlyMap<number, number>;
}

/** The pending-requests queue: filters and page in the URL, review one or many, details in a panel. */
export function RequestsView({ org }: { org: string }) {
  // Pushed, not replaced: back and forward step through filters, pages and opened requests.
  const [params, setParams] = useQueryStates(requestsSearchParams, { urlKeys: requestsUrlKeys, history: "push" });
  const listParams = useMemo(() => pickPatListParams(params), [params]);
  const listScope = JSON.stringify(listParams);
  const queryClient = useQueryClient();
  const tableRegion = useRef<HTMLDivElement>(null);

  const bulk = useBulkAction<ReviewInput>({
    submit: (ids, { action, reason, tokenIds }) => reviewRequests(org, { ids, tokenIds: ids.map((id) => tokenIds.get(id)!), action, reason }),
    listKey: patKeys.lists(org, "requests"),
    describeOutcome: (accepted, failed, { action }) => describeReviewOutcome(action, accepted, failed),
  });

  const query = useQuery({
    ...patListQuery(org, "requests", listParams),
    refetchInterval: (current) => bulk.pollWhileApplying(current.state.data?.items),
  });

  // The likely next step is the next page: have it ready.
  const hasNextPage = query.data?.hasNextPage === true && !query.isPlaceholderData;
  useEffect(() => {
    if (hasNextPage) void queryClient.prefetchQuery(patListQuery(org, "requests", { ...listParams, page: listParams.page + 1 }));
  }, [hasNextPage, queryClient, org, listParams]);

  const rows = useMemo(() => (query.data?.items ?? NO_ROWS).filter((row) => !bulk.removedIds.has(row.id)), [query.data, bulk.removedIds]);

  // Selection belongs to one page of one filter: another page or filter starts with none.
  const [selection, setSelection] = useState<{ scope: string; ids: RowSelectionState }>({ scope: listScope, ids: {} });
  const rowSelection = selection.scope === listScope ? selection.ids : NO_SELECTION;

  const [review, setReview] = useState<PendingReview | null>(null);
  const [reviewError, setReviewError] = useState<string | null>(null);

  const openRequest = useCallback((row: PatRequestRow) => void setParams({ request: row.id }), [setParams]);
  const startReview = useCallback((reviewRows: PatRequestRow[], action: ReviewAction) => {
    setReviewError(null);
    setReview({ action, rows: reviewRows });
  }, []);

  const confirmReview = async ({ action, rows: reviewRows }: PendingReview, reason: string) => {
    const tokenIds = new Map(reviewRows.map((row) => [row.id, row.tokenId]));
    const result = await bulk.run([...tokenIds.keys()], { action, reason, tokenIds });
    if (!result) return;
    const accepted = new Set(result.results.filter((outcome) => outcome.ok).map((outcome) => String(outcome.id)));
    setSelection((current) => ({
      scope: current.scope,
      ids: Object.fromEntries(Object.entries(current.ids).filter(([id]) => !accepted.has(id))) as RowSelectionState,
    }));
    if (result.accepted === 0) {
      // Nothing went through: keep the dialog (and the reason typed) for a retry.
      setReviewError(result.results.find((outcome) => !outcome.ok)?.error ?? "GitHub did not accept the review.");
      return;
    }
    setReview(null);
    if (params.request !== null && accepted.has(String(params.request))) void setParams({ request: null });
  };

  const columns = useMemo(
    () =>
      createRequestColumns({
        requestHref: (row) => serializeRequestsUrl({ ...params, request: row.id }),
        openRequest,
        review: startReview,
        reviewing: bulk.isPending,
      }),
    [params, openRequest, startReview, bulk.isPending],
  );

  const tableState = useMemo(() => patListTableState(params, "createdAt"), [params]);
  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (row) => String(row.id),
    state: tableState,
    // A new page or filter closes the open request: it may not be in the new list.
    onStateChange: (next) => void setParams({ ...patListParamsFromTable(next), request: null }),
    pageInfo: { hasNextPage: query.data?.hasNextPage ?? false, lastPage: query.data?.lastPage ?? null },
    rowSelection,
    onRowSelectionChange: (ids) => setSelection({ scope: listScope, ids }),
  });

  const selectedRows = table.getSelectedRowModel().rows.map((row) => row.original);
  const openRow = params.request === null ? undefined : rows.find((row) => row.id === params.request);
  // Accepted rows are hidden at once, so while GitHub catches up the page can look empty: show
  // the loading state rather than an empty queue.
  const waitingForGitHub = rows.length === 0 && (query.data?.items.length ?? 0) > 0;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h2 className="text-base font-semibold text-zinc-900">Pending requests</h2>
        <p className="text-sm text-zinc-600">Members asking for fine-grained personal access tokens to reach {org}. Write and admin access are marked.</p>
      </div>
      <DataTableToolbar table={table} />
      <DataTable
        ref={tableRegion}
        table={table}
        label="Pending requests"
        what="requests"
        isLoading={query.isPending || waitingForGitHub}
        isRefreshing={query.isFetching && !query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        onRowOpen={openRequest}
        activeRowId={params.request === null ? null : String(params.request)}
        rowErrors={bulk.rowErrors}
        skeletonRowCount={Math.min(params.perPage, 12)}
        empty={
          <RequestsEmpty
            filtered={hasPatListFilters(params)}
            page={params.page}
            onResetFilters={() => table.resetColumnFilters(true)}
            onFirstPage={() => table.firstPage()}
          />
        }
      />
      {query.isError && rows.length === 0 ? null : <DataTablePagination table={table} pageSizes={PAGE_SIZES} what="Requests" />}
      <DataTableActionBar table={table} noun={REQUEST_NOUN}>
        <Button size="sm" variant="primary" disabled={bulk.isPending} onClick={() => startReview(selectedRows, "approve")}>
          <CheckIcon aria-hidden />
          Approve…
        </Button>
        <Button size="sm" variant="danger" disabled={bulk.isPending} onClick={() => startReview(selectedRows, "deny")}>
          <XIcon aria-hidden />
          Deny…
        </Button>
      </DataTableActionBar>
      <RequestDetailPanel
        org={org}
        requestId={params.request}
        request={openRow}
        loading={query.isPending}
        error={openRow ? bulk.rowErrors.get(String(openRow.id)) : undefined}
        reviewing={bulk.isPending}
        onReview={(row, action) => startReview([row], action)}
        onClose={() => void setParams({ request: null })}
        fallbackFocus={() => tableRegion.current}
      />
      <ReviewDialog
        review={review}
        onClose={() => setReview(null)}
        onConfirm={(pending, reason) => void confirmReview(pending, reason)}
        pending={bulk.isPending}
        error={reviewError}
        fallbackFocus={() => tableRegion.current}
      />
    </div>
  );
}
