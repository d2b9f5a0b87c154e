"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createSerializer, useQueryStates } from "nuqs";
import { useCallback, useMemo, useRef, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableActionBar } from "@/components/data-table/data-table-action-bar";
import { DataTableEmpty, type DataTableEmptyState } from "@/components/data-table/data-table-empty";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableSelectAllMatching } from "@/components/data-table/data-table-select-all-matching";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useBulkAction } from "@/components/data-table/use-bulk-action";
import { useDataTable } from "@/components/data-table/use-data-table";
import { JobSheet } from "@/components/jobs/job-sheet";
import { Button } from "@/components/ui/button";
import { auditKeys } from "@/lib/browser-api/audit-queries";
import { patFacetsQuery } from "@/lib/browser-api/inventory-queries";
import { jobKeys, postConfirmDraft, postJobDraft } from "@/lib/browser-api/job-queries";
import { patKeys } from "@/lib/browser-api/pat-queries";
import { postBulkAction } from "@/lib/browser-api/post-bulk-action";
import type { JobDraft } from "@/lib/contract/jobs";
import type { PatResource, PatRows } from "@/lib/contract/pat-rows";
import { describeBulkOutcome } from "@/lib/format/bulk-wording";
import { hasPatListFilters, PAGE_SIZES, patFilterSearchParams, patViewSearchParams, pickPatListParams } from "@/lib/search-params/pat-list";
import { patListParamsFromTable, patListTableState } from "@/lib/search-params/pat-list-table-state";
import { PatActionDialog, type PendingAction } from "./pat-action-dialog";
import { InventoryFreshness } from "./inventory-freshness";
import { createPatColumns } from "./pat-columns";
import { PatDetailPanel } from "./pat-detail-panel";
import { PatDraftDialog } from "./pat-draft-dialog";
import type { PatActionSpec, PatViewSpec } from "./pat-view-spec";
import { PatQuickFilters } from "./pat-quick-filters";
import { usePatListPage } from "./use-pat-list-page";

const numbers = new Intl.NumberFormat("en");

interface ActionInput<Row> {
  action: PatActionSpec<Row>;
  note: string;
}

/** An action on every row matching the filters: the server's frozen ids, once it answered. */
interface PendingDraft<Row> {
  action: PatActionSpec<Row>;
  draft: JobDraft | null;
  error: string | null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : "Something went wrong.");

/**
 * A PAT page (pending requests or active tokens; `spec` says which): filters, page and the open
 * row in the URL, selection, bulk actions with confirmation, details in a panel.
 */
export function PatListView<R extends PatResource>({ org, spec }: { org: string; spec: PatViewSpec<R> }) {
  type Row = PatRows[R];
  // Pushed, not replaced: back and forward step through filters, pages and opened rows.
  const [params, setParams] = useQueryStates(patViewSearchParams, { urlKeys: spec.urlKeys, history: "push" });
  const serializeUrl = useMemo(() => createSerializer(patViewSearchParams, { urlKeys: spec.urlKeys }), [spec.urlKeys]);
  const tableRegion = useRef<HTMLDivElement>(null);
  const fallbackFocus = useCallback(() => tableRegion.current, []);
  const queryClient = useQueryClient();
  // The bulk job this page follows in a panel: one it started, or one its action queued behind another.
  const [followedJob, setFollowedJob] = useState<string | null>(null);

  const bulk = useBulkAction<ActionInput<Row>>({
    submit: (ids, { action, note }) => postBulkAction(org, spec.resource, { action: action.action, ids, note }),
    onQueued: (job) => {
      setFollowedJob(job.id);
      void queryClient.invalidateQueries({ queryKey: jobKeys.active() });
    },
    listKey: patKeys.lists(org, spec.resource),
    alsoChanges: [auditKeys.all(org)],
    describeOutcome: (result, { action }) => describeBulkOutcome(action.pastVerb, result, spec.noun),
  });

  const list = usePatListPage(org, spec.resource, params, bulk);
  const { query, rows } = list;

  const [pending, setPending] = useState<PendingAction<Row> | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  // "Select all that match": remembered for these filters only, and only while the whole page stays ticked.
  const filters = useMemo(() => patFilterSearchParams(pickPatListParams(params)), [params]);
  const [allMatchingFilters, setAllMatchingFilters] = useState<string | null>(null);
  const [pendingDraft, setPendingDraft] = useState<PendingDraft<Row> | null>(null);
  const freeze = useMutation({ mutationFn: (action: PatActionSpec<Row>) => postJobDraft(org, action.action, filters) });
  const confirmDraft = useMutation({
    mutationFn: ({ draftId, note, typed }: { draftId: string; note: string; typed: string }) =>
      postConfirmDraft(org, draftId, { reason: note, confirm: typed || undefined }),
  });

  const openRow = useCallback((row: Row) => void setParams({ open: row.id }), [setParams]);
  const act = useCallback((actRows: Row[], action: PatActionSpec<Row>) => {
    setActionError(null);
    setPending({ action, rows: actRows });
  }, []);

  const actOnAllMatching = (action: PatActionSpec<Row>) => {
    setPendingDraft({ action, draft: null, error: null });
    freeze.mutate(action, {
      onSuccess: (draft) => setPendingDraft((current) => (current?.action === action ? { ...current, draft } : current)),
      onError: (error) => setPendingDraft((current) => (current?.action === action ? { ...current, error: messageOf(error) } : current)),
    });
  };

  const confirmAllMatching = (draft: JobDraft, note: string, typed: string) => {
    confirmDraft.mutate(
      { draftId: draft.id, note, typed },
      {
        onSuccess: (job) => {
          setPendingDraft(null);
          setAllMatchingFilters(null);
          list.setRowSelection({});
          setFollowedJob(job.id);
          void queryClient.invalidateQueries({ queryKey: jobKeys.active() });
        },
        onError: (error) => setPendingDraft((current) => (current ? { ...current, error: messageOf(error) } : current)),
      },
    );
  };

  const confirm = async ({ action, rows: actRows }: PendingAction<Row>, note: string) => {
    const outcome = await list.run(actRows.map((row) => row.id), { action, note });
    if (!outcome) return;
    if ("job" in outcome) {
      setPending(null);
      return;
    }
    const { result, accepted } = outcome;
    if (result.accepted === 0) {
      // Nothing went through: keep the dialog (and the note typed) for a retry.
      setActionError(result.results.find((item) => !item.ok)?.error ?? `GitHub did not accept the ${action.verb.toLowerCase()}.`);
      return;
    }
    setPending(null);
    if (params.open !== null && accepted.has(String(params.open))) void setParams({ open: null });
  };

  const facets = useQuery(patFacetsQuery(org, spec.resource, params));
  const topOwners = facets.data?.owners;
  const columns = useMemo(
    () => createPatColumns<R>({ spec, href: (row) => serializeUrl({ ...params, open: row.id }), open: openRow, act, acting: bulk.isPending, topOwners }),
    [spec, serializeUrl, params, openRow, act, bulk.isPending, topOwners],
  );

  const tableState = useMemo(() => patListTableState(params, spec.columns.sortDate.key), [params, spec.columns.sortDate.key]);
  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (row) => String(row.id),
    state: tableState,
    // A new page or filter closes the open row: it may not be in the new list.
    onStateChange: (next) => void setParams({ ...patListParamsFromTable(next, spec.columns.sortDate.key), open: null }),
    pageInfo: list.pageInfo,
    rowSelection: list.rowSelection,
    onRowSelectionChange: list.setRowSelection,
    // A row GitHub no longer lists is history: nothing to act on.
    canSelectRow: (row) => row.gone === null,
  });

  const selectedRows = table.getSelectedRowModel().rows.map((row) => row.original);
  const total = query.data?.total ?? 0;
  const wholePageSelected = selectedRows.length > 0 && selectedRows.length === rows.filter((row) => row.gone === null).length;
  const moreMatch = wholePageSelected && total > selectedRows.length && params.state === "active";
  const allMatching = moreMatch && allMatchingFilters === filters.toString();
  const shownRow = params.open === null ? undefined : rows.find((row) => row.id === params.open);
  const emptyState: DataTableEmptyState = {
    filtered: hasPatListFilters(params),
    page: params.page,
    onResetFilters: () => table.resetColumnFilters(true),
    onFirstPage: () => table.firstPage(),
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h2 className="text-base font-semibold text-zinc-900">{spec.title}</h2>
        <p className="text-sm text-zinc-600">{spec.intro(org)}</p>
      </div>
      <InventoryFreshness org={org} resource={spec.resource} noun={spec.noun} />
      {/* Any new filter starts again at page 1, and the open row may leave the list. */}
      <PatQuickFilters params={params} facets={facets.data} onChange={(changes) => void setParams({ ...changes, page: 1, open: null })} />
      <DataTableToolbar table={table}>
        {query.data ? (
          <p className="text-sm whitespace-nowrap text-zinc-600" aria-live="polite">
            <strong className="font-semibold text-zinc-900 tabular-nums">{numbers.format(query.data.total)}</strong>{" "}
            {query.data.total === 1 ? spec.noun.one : spec.noun.other}
            {hasPatListFilters(params) ? (query.data.total === 1 ? " matches" : " match") : params.state === "gone" ? " no longer listed" : ""}
          </p>
        ) : null}
      </DataTableToolbar>
      {moreMatch ? (
        <DataTableSelectAllMatching
          pageCount={selectedRows.length}
          total={total}
          noun={spec.noun}
          allMatching={allMatching}
          onSelectAllMatching={() => setAllMatchingFilters(filters.toString())}
          onClear={() => {
            setAllMatchingFilters(null);
            table.resetRowSelection(true);
          }}
        />
      ) : null}
      <DataTable
        ref={tableRegion}
        table={table}
        label={spec.title}
        noun={spec.noun}
        isLoading={query.isPending || list.waitingForGitHub}
        isRefreshing={query.isFetching && !query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        onRowOpen={openRow}
        activeRowId={params.open === null ? null : String(params.open)}
        rowErrors={bulk.rowErrors}
        skeletonRowCount={Math.min(params.perPage, 12)}
        empty={
          <DataTableEmpty
            {...emptyState}
            noun={spec.noun}
            listName={spec.empty.listName}
            icon={spec.empty.icon}
            filterHint="Try removing a filter, or check the spelling of the logins and the repository name."
            emptyTitle={spec.empty.title}
            emptyText={spec.empty.text(org)}
          />
        }
      />
      {query.isError && rows.length === 0 ? null : <DataTablePagination table={table} pageSizes={PAGE_SIZES} noun={spec.noun} />}
      <DataTableActionBar table={table} noun={spec.noun} selectedCount={allMatching ? total : undefined}>
        {spec.actions.map((action) => (
          <Button
            key={action.action}
            size="sm"
            variant={action.tone}
            disabled={bulk.isPending}
            onClick={() => (allMatching ? actOnAllMatching(action) : act(selectedRows, action))}
          >
            {action.icon}
            {action.verb}…
          </Button>
        ))}
      </DataTableActionBar>
      {params.open !== null ? (
        <PatDetailPanel
          org={org}
          spec={spec}
          id={params.open}
          row={shownRow}
          loading={query.isPending}
          error={shownRow ? bulk.rowErrors.get(String(shownRow.id)) : undefined}
          acting={bulk.isPending}
          onAct={(row, action) => act([row], action)}
          onClose={() => void setParams({ open: null })}
          fallbackFocus={fallbackFocus}
        />
      ) : null}
      {pending !== null ? (
        <PatActionDialog
          org={org}
          spec={spec}
          pending={pending}
          onClose={() => setPending(null)}
          onConfirm={(note) => void confirm(pending, note)}
          sending={bulk.isPending}
          error={actionError}
          fallbackFocus={fallbackFocus}
        />
      ) : null}
      {pendingDraft !== null ? (
        <PatDraftDialog
          org={org}
          spec={spec}
          action={pendingDraft.action}
          draft={pendingDraft.draft}
          onClose={() => setPendingDraft(null)}
          onConfirm={(note, typed) => pendingDraft.draft && confirmAllMatching(pendingDraft.draft, note, typed)}
          sending={confirmDraft.isPending}
          error={pendingDraft.error}
          fallbackFocus={fallbackFocus}
        />
      ) : null}
      {followedJob !== null ? <JobSheet org={org} jobId={followedJob} onClose={() => setFollowedJob(null)} fallbackFocus={fallbackFocus} /> : null}
    </div>
  );
}
