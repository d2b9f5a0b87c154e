import { apiRoute } from "@/lib/api/api-route";
import { orgParams, reviewBodySchema } from "@/lib/api/input-schemas";
import { runJobAndWait } from "@/lib/jobs/jobs-service";

// POST /api/orgs/{org}/requests/review — approve or deny requests (as a job, recorded in the audit trail), answering every id's outcome
export const POST = apiRoute({ params: orgParams, body: reviewBodySchema }, ({ params, body, user }) =>
  runJobAndWait(params.org, user, body.action, body.ids, body.reason),
);
