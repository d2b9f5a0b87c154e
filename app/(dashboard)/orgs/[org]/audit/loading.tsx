import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";

export default function AuditLoading() {
  return <DataTableSkeleton columnCount={6} label="Loading the audit trail" />;
}
