import { apiRoute } from "@/lib/api/api-route";
import { orgItemParams, pageQuerySchema } from "@/lib/api/input-schemas";
import { listRequestRepositories } from "@/lib/github/list-repositories";

// GET /api/orgs/{org}/requests/{id}/repositories — one page of the repositories a request asks for
export const GET = apiRoute({ params: orgItemParams, query: pageQuerySchema }, ({ params, query }) =>
  listRequestRepositories(params.org, params.id, query),
);
