import { apiRoute } from "@/lib/api/api-route";
import { orgJobParams } from "@/lib/api/input-schemas";
import { requestCancel } from "@/lib/jobs/jobs-service";

// POST /api/orgs/{org}/jobs/{id}/cancel — stop a job: no chunk starts after this, the one in flight finishes and is recorded
export const POST = apiRoute({ params: orgJobParams }, ({ params }) => requestCancel(params.org, params.id));
