import { FolderGit2Icon, GlobeIcon, MinusCircleIcon } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { RepositorySelection } from "@/lib/contract/pat-rows";

/**
 * Which repositories a token reaches, under a "Repositories" header. "All" stands out (it
 * includes repositories created later); a subset links to its list via `subsetHref`.
 */
export function RepositoryAccess({ selection, subsetHref, onOpenSubset }: { selection: RepositorySelection; subsetHref: string; onOpenSubset: () => void }) {
  if (selection === "all") {
    return (
      <Badge tone="warning">
        <GlobeIcon aria-hidden />
        All<span className="sr-only"> repositories</span>
      </Badge>
    );
  }
  if (selection === "none") {
    return (
      <span className="inline-flex items-center gap-1 text-sm whitespace-nowrap text-zinc-600">
        <MinusCircleIcon className="size-3.5" aria-hidden />
        None<span className="sr-only"> (organization permissions only)</span>
      </span>
    );
  }
  return (
    <Link
      href={subsetHref}
      prefetch={false}
      onNavigate={(event) => {
        event.preventDefault();
        onOpenSubset();
      }}
      className="inline-flex items-center gap-1 rounded text-sm whitespace-nowrap text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <FolderGit2Icon className="size-3.5" aria-hidden />
      Selected<span className="sr-only"> repositories</span>
    </Link>
  );
}
