import { ScrollTextIcon } from "lucide-react";
import { DataTableEmpty, type DataTableEmptyState } from "@/components/data-table/data-table-empty";
import { RECORD_NOUN } from "@/lib/format/nouns";

/** Why no record shows: nothing was done yet, the filters match nothing, or the page is past the end. */
export function AuditEmpty(props: DataTableEmptyState) {
  return (
    <DataTableEmpty
      {...props}
      noun={RECORD_NOUN}
      listName="trail"
      icon={<ScrollTextIcon />}
      filterHint="Try removing a filter, widening the dates, or checking the spelling of the logins."
      emptyTitle="Nothing recorded yet"
      emptyText="Every approve, deny and revoke sent from Grantdesk is recorded here: who, when, why and what GitHub answered."
    />
  );
}
