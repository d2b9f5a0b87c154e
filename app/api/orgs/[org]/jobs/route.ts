import { apiRoute } from "@/lib/api/api-route";
import { jobBodySchema, orgParams, pageQuerySchema } from "@/lib/api/input-schemas";
import { listOrgJobs, startJob } from "@/lib/jobs/jobs-service";

// GET /api/orgs/{org}/jobs — the org's bulk jobs, newest first
export const GET = apiRoute({ params: orgParams, query: pageQuerySchema }, ({ params, query }) => listOrgJobs(params.org, query.page ?? 1, query.perPage ?? 30));

// POST /api/orgs/{org}/jobs — run a page's selection (approve, deny or revoke) as a job on the server
export const POST = apiRoute({ params: orgParams, body: jobBodySchema }, ({ params, body, user }) => startJob(params.org, user, body.action, body.ids, body.reason));
