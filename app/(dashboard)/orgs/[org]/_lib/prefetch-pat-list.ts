import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { patListQuerySchema } from "@/lib/api/input-schemas";
import { checkOrgAccess } from "@/lib/auth/org-access";
import { getPageUser } from "@/lib/auth/session-user";
import { patListQuery } from "@/lib/browser-api/pat-queries";
import type { Page, PatResource, PatRows } from "@/lib/contract/pat-rows";
import type { PatListQuery } from "@/lib/github/build-list-query";
import { listRequests } from "@/lib/github/list-requests";
import { listTokens } from "@/lib/github/list-tokens";
import { patListApiSearchParams, type PatListParams } from "@/lib/search-params/pat-list";

const LISTS: { [R in PatResource]: (org: string, query: PatListQuery) => Promise<Page<PatRows[R]>> } = { requests: listRequests, tokens: listTokens };

/**
 * Starts a PAT list page's first fetch (pending requests or active tokens) on the server, under
 * the same query key the browser uses, so the table arrives filled. Pages render alongside their
 * layout, so the owner check is repeated here (it is cached): nothing is fetched for someone the
 * layout will turn away. A failure is left to the browser, whose fetch through the API route
 * shows it as an error. The rows are the ones the route would answer, (plain JSON values).
 */
export async function prefetchPatList<R extends PatResource>(queryClient: QueryClient, org: string, resource: R, params: PatListParams): Promise<void> {
  const user = await getPageUser();
  if (!user || (await checkOrgAccess(org, user.login)) !== "owner") return;

  // The same validation the API route applies to the browser's query string.
  const search = patListApiSearchParams(params);
  const input = Object.fromEntries([...new Set(search.keys())].map((key) => [key, key === "owner" ? search.getAll(key) : search.get(key)]));
  const query = patListQuerySchema.parse(input);
  await queryClient.prefetchQuery({ queryKey: patListQuery(org, resource, params).queryKey, queryFn: () => (LISTS[resource] as (org: string, query: PatListQuery) => Promise<Page<PatRows[R]>>)(org, query) });
}
