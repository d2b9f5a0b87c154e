import type { DataTablePageInfo } from "@/lib/search-params/table-state";

/**
 * How many pages the list has, or null when unknown. GitHub's Link header names the last page
 * on every page but the last one; a page without a next page is itself the last.
 */
export function resolvePageCount(page: number, info: DataTablePageInfo): number | null {
  if (info.lastPage !== null) return Math.max(info.lastPage, page);
  return info.hasNextPage ? null : page;
}

/** "Page 3 of 12", or "Page 3" when GitHub did not say how many pages there are. */
export function describePage(page: number, pageCount: number | null): string {
  return pageCount === null ? `Page ${page}` : `Page ${page} of ${pageCount}`;
}
