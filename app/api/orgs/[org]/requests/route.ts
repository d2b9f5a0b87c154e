import { apiRoute } from "@/lib/api/api-route";
import { orgParams, patListQuerySchema } from "@/lib/api/input-schemas";
import { listRequests } from "@/lib/github/list-requests";

// GET /api/orgs/{org}/requests — one page of the org's pending token requests, filtered by GitHub
export const GET = apiRoute({ params: orgParams, query: patListQuerySchema }, ({ params, query }) =>
  listRequests(params.org, query),
);
