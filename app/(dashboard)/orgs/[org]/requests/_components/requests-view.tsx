"use client";

import { CheckIcon, XIcon } from "lucide-react";
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
import type { PatRequestRow } from "@/lib/api/contract";
import { auditKeys } from "@/lib/client/audit-queries";
import { patKeys } from "@/lib/client/pat-queries";
import { reviewRequests, type ReviewAction } from "@/lib/client/review-requests";
import { hasPatListFilters, PAGE_SIZES } from "@/lib/search-params/pat-list";
import { patListParamsFromTable, patListTableState } from "@/lib/search-params/pat-list-table-state";
import { requestsSearchParams, requestsUrlKeys } from "@/lib/search-params/requests";
import { createRequestColumns } from "./request-columns";
import type { PendingReview } from "./review-dialog";
import { describeReviewOutcome, REQUEST_NOUN } from "./review-wording";

// Loaded when first needed: the table's first paint (with rows) needs none of them.
const RequestsEmpty = lazy(() => import("./requests-empty").then((module) => ({ default: module.RequestsEmpty })));
const RequestDetailPanel = lazy(() => import("./request-detail-panel").then((module) => ({ default: module.RequestDetailPanel })));
const ReviewDialog = lazy(() => import("./review-dialog").then((module) => ({ default: module.ReviewDialog })));

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
  const tableRegion = useRef<HTMLDivElement>(null);

  const bulk = useBulkAction<ReviewInput>({
    submit: (ids, { action, reason, tokenIds }) => reviewRequests(org, { ids, tokenIds: ids.map((id) => tokenIds.get(id)!), action, reason }),
    listKey: patKeys.lists(org, "requests"),
    alsoChanges: [auditKeys.all(org)],
    describeOutcome: (accepted, failed, { action }) => describeReviewOutcome(action, accepted, failed),
  });

  const list = usePatListPage(org, "requests", params, bulk);
  const { query, rows } = list;

  const [review, setReview] = useState<PendingReview | null>(null);
  const [reviewError, setReviewError] = useState<string | null>(null);

  const openRequest = useCallback((row: PatRequestRow) => void setParams({ request: row.id }), [setParams]);
  const startReview = useCallback((reviewRows: PatRequestRow[], action: ReviewAction) => {
    setReviewError(null);
    setReview({ action, rows: reviewRows });
  }, []);

  const confirmReview = async ({ action, rows: reviewRows }: PendingReview, reason: string) => {
    const tokenIds = new Map(reviewRows.map((row) => [row.id, row.tokenId]));
    const outcome = await list.run([...tokenIds.keys()], { action, reason, tokenIds });
    if (!outcome) return;
    const { result, accepted } = outcome;
    if (result.accepted === 0) {
      // Nothing went through: keep the dialog (and the reason typed) for a retry.
      setReviewError(result.results.find((item) => !item.ok)?.error ?? "GitHub did not accept the review.");
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
    pageInfo: list.pageInfo,
    rowSelection: list.rowSelection,
    onRowSelectionChange: list.setRowSelection,
  });

  const selectedRows = table.getSelectedRowModel().rows.map((row) => row.original);
  const openRow = params.request === null ? undefined : rows.find((row) => row.id === params.request);

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
        isLoading={query.isPending || list.waitingForGitHub}
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
      {/* A boundary each: loading one must not hide the other while it is open. */}
      <Suspense fallback={null}>
        {params.request !== null ? (
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
        ) : null}
      </Suspense>
      <Suspense fallback={null}>
        {review !== null ? (
          <ReviewDialog
            review={review}
            onClose={() => setReview(null)}
            onConfirm={(pending, reason) => void confirmReview(pending, reason)}
            pending={bulk.isPending}
            error={reviewError}
            fallbackFocus={() => tableRegion.current}
          />
        ) : null}
      </Suspense>
    </div>
  );
}
