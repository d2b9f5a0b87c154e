import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { auditQuerySchema } from "@/lib/api/input-schemas";
import { listAuditRecords } from "@/lib/audit/list-audit-records";
import { readTrail } from "@/lib/audit/read-trail";
import { checkOrgAccess } from "@/lib/auth/org-access";
import { getPageUser } from "@/lib/auth/session-user";
import { auditListQuery } from "@/lib/browser-api/audit-queries";
import { auditApiSearchParams, type AuditParams } from "@/lib/search-params/audit";

/**
 * Starts the page's first fetch on the server, under the same query key the browser uses, so
 * the table arrives filled. The owner check is repeated here (it is cached): nothing is read
 * for someone the layout will turn away. A failure is left to the browser, whose fetch through
 * the API route shows it as an error.
 */
export async function prefetchAudit(queryClient: QueryClient, org: string, params: AuditParams): Promise<void> {
  const user = await getPageUser();
  if (!user || (await checkOrgAccess(org, user)) !== "owner") return;

  // The same validation the API route applies to the browser's query string.
  const search = auditApiSearchParams(params);
  const input = Object.fromEntries([...new Set(search.keys())].map((key) => [key, search.getAll(key).length > 1 ? search.getAll(key) : search.get(key)]));
  const query = auditQuerySchema.parse(input);

  await queryClient.prefetchQuery({
    queryKey: auditListQuery(org, params).queryKey,
    queryFn: () => readTrail((database) => listAuditRecords(database, { org, ...query.filters }, query.page, query.perPage)),
  });
}
