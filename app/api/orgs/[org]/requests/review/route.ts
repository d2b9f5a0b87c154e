import { apiRoute } from "@/lib/api/api-route";
import { orgParams, reviewBodySchema } from "@/lib/api/input-schemas";
import { reviewRequests } from "@/lib/github/review-requests";

// POST /api/orgs/{org}/requests/review — approve or deny requests, with every id's outcome
export const POST = apiRoute({ params: orgParams, body: reviewBodySchema }, ({ params, body }) =>
  reviewRequests(params.org, body.ids, body.action, body.reason),
);
