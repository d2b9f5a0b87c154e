import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";

export default function RequestsLoading() {
  return <DataTableSkeleton columnCount={8} label="Loading pending requests" />;
}
