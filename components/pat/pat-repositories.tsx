"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronLeftIcon, ChevronRightIcon, ExternalLinkIcon, LockIcon } from "lucide-react";
import { useState } from "react";
import { describePage, resolvePageCount } from "@/components/data-table/page-count";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { Skeleton } from "@/components/ui/skeleton";
import { patRepositoriesQuery } from "@/lib/browser-api/pat-queries";
import type { PatResource } from "@/lib/contract/pat-rows";
import { cn } from "@/lib/cn";

/** The repositories a subset request or token reaches, a page at a time from GitHub. */
export function PatRepositories({ org, resource, id }: { org: string; resource: PatResource; id: number }) {
  const [page, setPage] = useState(1);
  const query = useQuery(patRepositoriesQuery(org, resource, id, page));

  if (query.isPending) {
    return (
      <ul aria-busy className="flex flex-col gap-2" aria-label="Loading repositories">
        {Array.from({ length: 5 }, (_, index) => (
          <li key={index}>
            <Skeleton className="h-4 w-48" />
          </li>
        ))}
      </ul>
    );
  }

  if (query.isError) return <InlineError what="Repositories" message={query.error.message} onRetry={() => void query.refetch()} />;

  const data = query.data;
  const pageCount = resolvePageCount(data.page, data);
  return (
    <div className="flex flex-col gap-3">
      {data.items.length === 0 ? (
        <p className="text-sm text-zinc-500">{page === 1 ? "No repositories are listed." : "No more repositories."}</p>
      ) : (
        <ul aria-label="Repositories" className={cn("divide-y divide-zinc-100 rounded-md border border-zinc-200", query.isPlaceholderData && "opacity-60")}>
          {data.items.map((repository) => (
            <li key={repository.id} className="flex items-center justify-between gap-3 px-3 py-2">
              <a
                href={repository.htmlUrl}
                target="_blank"
                rel="noreferrer"
                className="inline-flex min-w-0 items-center gap-1.5 text-sm text-zinc-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                <span className="truncate">{repository.fullName}</span>
                <ExternalLinkIcon className="size-3 shrink-0 text-zinc-400" aria-hidden />
                <span className="sr-only">(opens on GitHub)</span>
              </a>
              {repository.private ? (
                <Badge>
                  <LockIcon aria-hidden />
                  Private
                </Badge>
              ) : (
                <Badge>Public</Badge>
              )}
            </li>
          ))}
        </ul>
      )}
      {data.page > 1 || data.hasNextPage ? (
        <nav aria-label="Repository pages" className="flex items-center justify-between gap-2 text-sm text-zinc-600">
          <Button size="sm" disabled={page <= 1 || query.isFetching} onClick={() => setPage(page - 1)}>
            <ChevronLeftIcon aria-hidden />
            Previous
          </Button>
          <span aria-live="polite">{describePage(data.page, pageCount)}</span>
          <Button size="sm" disabled={!data.hasNextPage || query.isFetching} onClick={() => setPage(page + 1)}>
            Next
            <ChevronRightIcon aria-hidden />
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
