import { FilterXIcon, InboxIcon } from "lucide-react";
import { DataTableStatePanel } from "@/components/data-table/data-table-state-panel";
import { Button } from "@/components/ui/button";

/** Why no request shows: the queue is empty, the filters match nothing, or the page is past the end. */
export function RequestsEmpty({
  filtered,
  page,
  onResetFilters,
  onFirstPage,
}: {
  filtered: boolean;
  page: number;
  onResetFilters: () => void;
  onFirstPage: () => void;
}) {
  if (filtered) {
    return (
      <DataTableStatePanel
        role="status"
        icon={<FilterXIcon />}
        title="No requests match these filters"
        action={<Button onClick={onResetFilters}>Reset filters</Button>}
      >
        Try removing a filter, or check the spelling of the logins and the repository name.
      </DataTableStatePanel>
    );
  }
  if (page > 1) {
    return (
      <DataTableStatePanel role="status" icon={<InboxIcon />} title={`No requests on page ${page}`} action={<Button onClick={onFirstPage}>Go to the first page</Button>}>
        The queue is shorter than this page number.
      </DataTableStatePanel>
    );
  }
  return (
    <DataTableStatePanel role="status" icon={<InboxIcon />} title="No pending requests">
      The queue is empty. When members ask for access with a fine-grained token, their requests appear here.
    </DataTableStatePanel>
  );
}
