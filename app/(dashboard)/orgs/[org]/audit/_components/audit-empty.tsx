import { FilterXIcon, ScrollTextIcon } from "lucide-react";
import { DataTableStatePanel } from "@/components/data-table/data-table-state-panel";
import { Button } from "@/components/ui/button";

/** Why no record shows: nothing was done yet, the filters match nothing, or the page is past the end. */
export function AuditEmpty({ filtered, page, onResetFilters, onFirstPage }: { filtered: boolean; page: number; onResetFilters: () => void; onFirstPage: () => void }) {
  if (filtered) {
    return (
      <DataTableStatePanel role="status" icon={<FilterXIcon />} title="No records match these filters" action={<Button onClick={onResetFilters}>Reset filters</Button>}>
        Try removing a filter, widening the dates, or checking the spelling of the logins.
      </DataTableStatePanel>
    );
  }
  if (page > 1) {
    return (
      <DataTableStatePanel role="status" icon={<ScrollTextIcon />} title={`No records on page ${page}`} action={<Button onClick={onFirstPage}>Go to the first page</Button>}>
        The trail is shorter than this page number.
      </DataTableStatePanel>
    );
  }
  return (
    <DataTableStatePanel role="status" icon={<ScrollTextIcon />} title="Nothing recorded yet">
      Every approve, deny and revoke sent from Grantdesk is recorded here: who, when, why and what GitHub answered.
    </DataTableStatePanel>
  );
}
