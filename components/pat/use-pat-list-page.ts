"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { RowSelectionState } from "@tanstack/react-table";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { DataTablePageInfo } from "@/lib/search-params/table-state";
import type { BulkAction } from "@/components/data-table/use-bulk-action";
import type { BulkResult } from "@/lib/contract/bulk-result";
import type { JobSummary } from "@/lib/contract/jobs";
import { patListQuery } from "@/lib/browser-api/pat-queries";
import type { PatResource } from "@/lib/contract/pat-rows";
import { pickPatListParams, type PatListParams } from "@/lib/search-params/pat-list";

const NO_SELECTION: RowSelectionState = {};
const NO_ROWS: never[] = [];

/**
 * One page of a PAT list (pending requests, active tokens) with its bulk action: the page's
 * query (refetched while GitHub applies an accepted action), the next page fetched ahead, the
 * rows minus those GitHub just accepted, and a selection that belongs to this page and filter
 * only (another page or filter starts with none).
 */
export function usePatListPage<R extends PatResource, TInput>(org: string, resource: R, params: PatListParams, bulk: BulkAction<TInput>) {
  const listParams = useMemo(() => pickPatListParams(params), [params]);
  const listScope = JSON.stringify(listParams);
  const queryClient = useQueryClient();

  const query = useQuery({
    ...patListQuery(org, resource, listParams),
    refetchInterval: (current) => bulk.pollWhileApplying(current.state.data?.items),
  });

  // The likely next step is the next page: have it ready.
  const hasNextPage = query.data?.hasNextPage === true && !query.isPlaceholderData;
  useEffect(() => {
    if (hasNextPage) void queryClient.prefetchQuery(patListQuery(org, resource, { ...listParams, page: listParams.page + 1 }));
  }, [hasNextPage, queryClient, org, resource, listParams]);

  const { removedIds } = bulk;
  const rows = useMemo(() => (query.data?.items ?? NO_ROWS).filter((row) => !removedIds.has(row.id)), [query.data, removedIds]);

  const [selection, setSelection] = useState<{ scope: string; ids: RowSelectionState }>({ scope: listScope, ids: {} });
  const rowSelection = selection.scope === listScope ? selection.ids : NO_SELECTION;
  const setRowSelection = useCallback((ids: RowSelectionState) => setSelection({ scope: listScope, ids }), [listScope]);

  /** Runs the bulk action; the ids GitHub accepted leave the selection, failures stay selected. */
  const run = async (ids: number[], input: TInput): Promise<{ result: BulkResult; accepted: ReadonlySet<string> } | { job: JobSummary } | null> => {
    const result = await bulk.run(ids, input);
    if (!result) return null;
    if ("status" in result) return { job: result };
    const accepted = new Set(result.results.filter((outcome) => outcome.ok).map((outcome) => String(outcome.id)));
    setSelection((current) => ({
      scope: current.scope,
      ids: Object.fromEntries(Object.entries(current.ids).filter(([id]) => !accepted.has(id))) as RowSelectionState,
    }));
    return { result, accepted };
  };

  const pageInfo: DataTablePageInfo = { hasNextPage: query.data?.hasNextPage ?? false, lastPage: query.data?.lastPage ?? null };
  // Accepted rows are hidden at once, so while GitHub catches up the page can look empty: show
  // the loading state rather than an empty list.
  const waitingForGitHub = rows.length === 0 && (query.data?.items.length ?? 0) > 0;

  return { query, rows, pageInfo, waitingForGitHub, rowSelection, setRowSelection, run };
}
