import { FilterXIcon, KeyRoundIcon } from "lucide-react";
import { DataTableStatePanel } from "@/components/data-table/data-table-state-panel";
import { Button } from "@/components/ui/button";

/** Why no token shows: none has access, the filters match nothing, or the page is past the end. */
export function TokensEmpty({
  org,
  filtered,
  page,
  onResetFilters,
  onFirstPage,
}: {
  org: string;
  filtered: boolean;
  page: number;
  onResetFilters: () => void;
  onFirstPage: () => void;
}) {
  if (filtered) {
    return (
      <DataTableStatePanel role="status" icon={<FilterXIcon />} title="No tokens match these filters" action={<Button onClick={onResetFilters}>Reset filters</Button>}>
        Try removing a filter, or check the spelling of the logins and the repository name.
      </DataTableStatePanel>
    );
  }
  if (page > 1) {
    return (
      <DataTableStatePanel role="status" icon={<KeyRoundIcon />} title={`No tokens on page ${page}`} action={<Button onClick={onFirstPage}>Go to the first page</Button>}>
        The list is shorter than this page number.
      </DataTableStatePanel>
    );
  }
  return (
    <DataTableStatePanel role="status" icon={<KeyRoundIcon />} title="No active tokens">
      No fine-grained personal access token has access to {org}. Tokens appear here once their requests are approved.
    </DataTableStatePanel>
  );
}
