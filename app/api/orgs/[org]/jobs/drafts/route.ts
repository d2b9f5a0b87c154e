import { apiRoute } from "@/lib/api/api-route";
import { draftBodySchema, orgParams } from "@/lib/api/input-schemas";
import { draftJob } from "@/lib/jobs/jobs-service";

// POST /api/orgs/{org}/jobs/drafts — freeze every id matching a list's filters, for the owner to confirm
export const POST = apiRoute({ params: orgParams, body: draftBodySchema }, ({ params, body, user }) => draftJob(params.org, user, body.action, body.filters));
