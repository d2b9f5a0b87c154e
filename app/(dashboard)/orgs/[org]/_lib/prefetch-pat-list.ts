import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { inventoryListQuerySchema } from "@/lib/api/input-schemas";
import { checkOrgAccess } from "@/lib/auth/org-access";
import { getPageUser } from "@/lib/auth/session-user";
import { inventoryStatusQuery } from "@/lib/browser-api/inventory-queries";
import { patListQuery } from "@/lib/browser-api/pat-queries";
import type { PatResource } from "@/lib/contract/pat-rows";
import { readInventoryList, readInventoryStatus } from "@/lib/inventory/read-inventory";
import { patListApiSearchParams, type PatListParams } from "@/lib/search-params/pat-list";

/**
 * Starts a PAT list page's first fetches (the page of rows, the inventory's freshness) on the
 * server, under the same query keys the browser uses, so the table arrives filled. Pages render
 * alongside their layout, so the owner check is repeated here (it is cached): nothing is read for
 * someone the layout will turn away. A failure is left to the browser, whose fetch through the
 * API route shows it as an error.
 */
export async function prefetchPatList(queryClient: QueryClient, org: string, resource: PatResource, params: PatListParams): Promise<void> {
  const user = await getPageUser();
  if (!user || (await checkOrgAccess(org, user)) !== "owner") return;

  // The same validation the API route applies to the browser's query string.
  const search = patListApiSearchParams(params);
  const input = Object.fromEntries([...new Set(search.keys())].map((key) => [key, search.getAll(key).length > 1 ? search.getAll(key) : search.get(key)]));
  const query = inventoryListQuerySchema.safeParse(input);
  await Promise.all([
    query.success ? queryClient.prefetchQuery({ queryKey: patListQuery(org, resource, params).queryKey, queryFn: () => readInventoryList(org, resource, query.data) }) : null,
    queryClient.prefetchQuery({ queryKey: inventoryStatusQuery(org).queryKey, queryFn: () => readInventoryStatus(org) }),
  ]);
}
