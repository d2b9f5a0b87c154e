import type { PermissionSummary } from "@/lib/format/summarize-permissions";
import { cn } from "@/lib/cn";
import { PermissionLevelBadge } from "./permission-level-badge";

/** Every permission, grouped as GitHub groups them (organization, repository, other). */
export function PermissionGroups({ summary, dense = false }: { summary: PermissionSummary; dense?: boolean }) {
  if (summary.groups.length === 0) return <p className="text-sm text-zinc-500">No permissions.</p>;
  return (
    <div className={cn("flex flex-col", dense ? "gap-2" : "gap-4")}>
      {summary.groups.map((group) => (
        <section key={group.scope} aria-label={`${group.title} permissions`}>
          <h4 className={cn("font-medium", dense ? "mb-1 text-[11px] tracking-wide text-zinc-500 uppercase" : "mb-1.5 text-xs text-zinc-500")}>{group.title}</h4>
          <ul className={cn("flex flex-col", dense ? "gap-0.5" : "gap-1")}>
            {group.entries.map((entry) => (
              <li key={entry.name} className="flex items-center justify-between gap-3">
                <span className={cn(dense ? "text-xs" : "text-sm text-zinc-800", entry.elevated && "font-medium")}>{entry.label}</span>
                <PermissionLevelBadge level={entry.level} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
