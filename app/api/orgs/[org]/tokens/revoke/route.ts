import { apiRoute } from "@/lib/api/api-route";
import { orgParams, revokeBodySchema } from "@/lib/api/input-schemas";
import { runJobAndWait } from "@/lib/jobs/jobs-service";

// POST /api/orgs/{org}/tokens/revoke — revoke tokens' access (as a job, recorded in the audit trail with the note), answering every id's outcome
export const POST = apiRoute({ params: orgParams, body: revokeBodySchema }, ({ params, body, user }) => runJobAndWait(params.org, user, "revoke", body.ids, body.note));
