import { apiRoute } from "@/lib/api/api-route";
import { orgParams, patListQuerySchema } from "@/lib/api/input-schemas";
import { listTokens } from "@/lib/github/list-tokens";

// GET /api/orgs/{org}/tokens — one page of the tokens with access to the org, filtered by GitHub
export const GET = apiRoute({ params: orgParams, query: patListQuerySchema }, ({ params, query }) => listTokens(params.org, query));
