import { Skeleton } from "@/components/ui/skeleton";

// Varied widths read as text being loaded rather than as a grid of identical boxes.
const WIDTHS = ["w-24", "w-32", "w-16", "w-40", "w-20", "w-28"];

/** Placeholder rows shown while the first page loads. */
export function DataTableSkeletonRows({ columnCount, rowCount }: { columnCount: number; rowCount: number }) {
  return Array.from({ length: rowCount }, (_, row) => (
    <tr key={row} className="border-t border-zinc-100">
      {Array.from({ length: columnCount }, (_, column) => (
        <td key={column} className="px-3 py-3">
          <Skeleton className={`h-3.5 ${column === 0 ? "w-4" : WIDTHS[(row + column) % WIDTHS.length]}`} />
        </td>
      ))}
    </tr>
  ));
}

/** A whole table's placeholder — toolbar, rows and pager — for a route's loading state. */
export function DataTableSkeleton({ columnCount, rowCount = 10, label }: { columnCount: number; rowCount?: number; label: string }) {
  return (
    <div className="flex flex-col gap-3" role="status" aria-label={label}>
      <div className="flex flex-wrap gap-2">
        {["w-28", "w-32", "w-36", "w-28"].map((width, index) => (
          <Skeleton key={index} className={`h-8 ${width}`} />
        ))}
      </div>
      <div className="overflow-hidden rounded-lg border border-zinc-200">
        <table className="w-full">
          <tbody>
            <DataTableSkeletonRows columnCount={columnCount} rowCount={rowCount} />
          </tbody>
        </table>
      </div>
    </div>
  );
}
