import { apiRoute } from "@/lib/api/api-route";
import { orgItemParams, pageQuerySchema } from "@/lib/api/input-schemas";
import { listTokenRepositories } from "@/lib/github/list-repositories";

// GET /api/orgs/{org}/tokens/{id}/repositories — one page of the repositories a token can reach
export const GET = apiRoute({ params: orgItemParams, query: pageQuerySchema }, ({ params, query }) =>
  listTokenRepositories(params.org, params.id, query),
);
