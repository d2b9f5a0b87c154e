import { apiRoute } from "@/lib/api/api-route";
import { confirmBodySchema, orgJobParams } from "@/lib/api/input-schemas";
import { confirmJob } from "@/lib/jobs/jobs-service";

// POST /api/orgs/{org}/jobs/drafts/{id}/confirm — run a frozen selection as a job (above 100 ids, with the org's name typed)
export const POST = apiRoute({ params: orgJobParams, body: confirmBodySchema }, ({ params, body, user }) =>
  confirmJob(params.org, user, params.id, body.reason, body.confirm),
);
