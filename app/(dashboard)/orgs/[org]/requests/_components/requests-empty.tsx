import { InboxIcon } from "lucide-react";
import { DataTableEmpty, type DataTableEmptyState } from "@/components/data-table/data-table-empty";

/** Why no request shows: the queue is empty, the filters match nothing, or the page is past the end. */
export function RequestsEmpty(props: DataTableEmptyState) {
  return (
    <DataTableEmpty
      {...props}
      noun="requests"
      listName="queue"
      icon={<InboxIcon />}
      filterHint="Try removing a filter, or check the spelling of the logins and the repository name."
      emptyTitle="No pending requests"
      emptyText="The queue is empty. When members ask for access with a fine-grained token, their requests appear here."
    />
  );
}
