import { apiRoute } from "@/lib/api/api-route";
import { orgJobParams } from "@/lib/api/input-schemas";
import { getJob } from "@/lib/jobs/jobs-service";

// GET /api/orgs/{org}/jobs/{id} — a job's progress: done of total, accepted / skipped / failed, what it waits for, when it should finish
export const GET = apiRoute({ params: orgJobParams }, ({ params }) => getJob(params.org, params.id));
