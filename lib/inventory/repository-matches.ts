import "server-only";
import PQueue from "p-queue";
import { ApiError } from "@/lib/contract/api-error";
import type { InventoryFilters } from "@/lib/contract/inventory";
import type { PatResource } from "@/lib/contract/pat-rows";
import type { PatListQuery } from "@/lib/github/build-list-query";
import type { GitHubClient } from "@/lib/github/create-github-client";
import { listPatPage } from "@/lib/github/pat-lists";

// The repository filter. A token on "all repositories" reaches every repository, which the
// inventory knows; which "subset" tokens reach a given repository only GitHub knows (the
// inventory does not hold every token's repository list: reading it would cost one call per
// token). So the filter asks GitHub's own `repository` filter, narrowed by the other filters
// GitHub has, reads its pages in parallel (each revalidated by ETag, so asking again is free)
// and keeps the subset tokens among them.

const PER_PAGE = 100;
/** GitHub pages read for one filter at most: 10,000 tokens. */
export const MAX_REPOSITORY_PAGES = 100;
const CONCURRENCY = 8;

export async function subsetIdsReaching(org: string, kind: PatResource, filters: InventoryFilters, client: GitHubClient): Promise<number[]> {
  const query: PatListQuery = {
    repository: filters.repository,
    owner: filters.owner,
    permission: filters.permission,
    lastUsedBefore: filters.lastUsedBefore?.toISOString(),
    lastUsedAfter: filters.lastUsedAfter?.toISOString(),
    perPage: PER_PAGE,
  };
  const first = await listPatPage(org, kind, { ...query, page: 1 }, client);
  const last = first.lastPage ?? 1;
  if (last > MAX_REPOSITORY_PAGES) {
    throw new ApiError(
      "bad_request",
      `repository: more than ${MAX_REPOSITORY_PAGES * PER_PAGE} ${kind} reach ${filters.repository}; add an owner or permission filter to narrow it first.`,
    );
  }
  const queue = new PQueue({ concurrency: CONCURRENCY });
  const rest = await Promise.all(Array.from({ length: last - 1 }, (_, index) => queue.add(() => listPatPage(org, kind, { ...query, page: index + 2 }, client))));
  return [first, ...rest].flatMap((page) => page.items.filter((row) => row.repositorySelection === "subset").map((row) => row.id));
}
