import { KeyRoundIcon } from "lucide-react";
import { DataTableEmpty, type DataTableEmptyState } from "@/components/data-table/data-table-empty";

/** Why no token shows: none has access, the filters match nothing, or the page is past the end. */
export function TokensEmpty({ org, ...props }: DataTableEmptyState & { org: string }) {
  return (
    <DataTableEmpty
      {...props}
      noun="tokens"
      listName="list"
      icon={<KeyRoundIcon />}
      filterHint="Try removing a filter, or check the spelling of the logins and the repository name."
      emptyTitle="No active tokens"
      emptyText={`No fine-grained personal access token has access to ${org}. Tokens appear here once their requests are approved.`}
    />
  );
}
