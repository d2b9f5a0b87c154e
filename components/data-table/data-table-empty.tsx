import { FilterXIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { Noun } from "@/lib/format/nouns";
import { DataTableStatePanel } from "./data-table-state-panel";

export interface DataTableEmptyProps {
  /** What a row is: { one: "request", other: "requests" }. */
  noun: Noun;
  /** What the whole list is called: "queue", "list", "trail". */
  listName: string;
  icon: ReactNode;
  filtered: boolean;
  page: number;
  /** What to try when the filters match nothing. */
  filterHint: string;
  /** The truly empty list: its title and explanation. */
  emptyTitle: string;
  emptyText: ReactNode;
  onResetFilters: () => void;
  onFirstPage: () => void;
}

/** What a page's own empty state passes through: where the table is, and how to get back. */
export type DataTableEmptyState = Pick<DataTableEmptyProps, "filtered" | "page" | "onResetFilters" | "onFirstPage">;

/** Why no row shows, in the words that fit: the filters match nothing, the page is past the end, or the list is empty. */
export function DataTableEmpty({ noun, listName, icon, filtered, page, filterHint, emptyTitle, emptyText, onResetFilters, onFirstPage }: DataTableEmptyProps) {
  if (filtered) {
    return (
      <DataTableStatePanel role="status" icon={<FilterXIcon />} title={`No ${noun.other} match these filters`} action={<Button onClick={onResetFilters}>Reset filters</Button>}>
        {filterHint}
      </DataTableStatePanel>
    );
  }
  if (page > 1) {
    return (
      <DataTableStatePanel role="status" icon={icon} title={`No ${noun.other} on page ${page}`} action={<Button onClick={onFirstPage}>Go to the first page</Button>}>
        The {listName} is shorter than this page number.
      </DataTableStatePanel>
    );
  }
  return (
    <DataTableStatePanel role="status" icon={icon} title={emptyTitle}>
      {emptyText}
    </DataTableStatePanel>
  );
}
