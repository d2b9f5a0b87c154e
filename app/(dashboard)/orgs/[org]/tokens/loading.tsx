import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";

export default function TokensLoading() {
  return <DataTableSkeleton columnCount={9} label="Loading active tokens" />;
}
