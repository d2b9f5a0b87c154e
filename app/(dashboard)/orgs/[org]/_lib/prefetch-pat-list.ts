import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { patListQuerySchema } from "@/lib/api/input-schemas";
import { roundTripPatListPage } from "@/lib/api/pat-list-wire";
import { checkOrgAccess } from "@/lib/auth/org-access";
import { getPageUser } from "@/lib/auth/session-user";
import { patListQuery, type PatResource } from "@/lib/client/pat-queries";
import { listRequests } from "@/lib/github/list-requests";
import { listTokens } from "@/lib/github/list-tokens";
import { patListApiSearchParams, type PatListParams } from "@/lib/search-params/pat-list";

/**
 * Starts a PAT list page's first fetch (pending requests or active tokens) on the server, under
 * the same query key the browser uses, so the table arrives filled. Pages render alongside their
 * layout, so the owner check is repeated here (it is cached): nothing is fetched for someone the
 * layout will turn away. A failure is left to the browser, whose fetch through the API route
 * shows it as an error. The rows stored are the ones the route's answer would give the browser.
 */
export async function prefetchPatList(queryClient: QueryClient, org: string, resource: PatResource, params: PatListParams): Promise<void> {
  const user = await getPageUser();
  if (!user || (await checkOrgAccess(org, user)) !== "owner") return;

  // The same validation the API route applies to the browser's query string.
  const search = patListApiSearchParams(params);
  const input = Object.fromEntries([...new Set(search.keys())].map((key) => [key, key === "owner" ? search.getAll(key) : search.get(key)]));
  const query = patListQuerySchema.parse(input);

  // One branch per resource, so each key is checked against the rows its fetch returns.
  if (resource === "requests") {
    await queryClient.prefetchQuery({ queryKey: patListQuery(org, resource, params).queryKey, queryFn: async () => roundTripPatListPage(resource, await listRequests(org, query)) });
  } else {
    await queryClient.prefetchQuery({ queryKey: patListQuery(org, resource, params).queryKey, queryFn: async () => roundTripPatListPage(resource, await listTokens(org, query)) });
  }
}
