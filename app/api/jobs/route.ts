import { apiRoute } from "@/lib/api/api-route";
import { listOwnedOrgs } from "@/lib/auth/org-access";
import { listActiveJobs } from "@/lib/jobs/jobs-service";

// GET /api/jobs — the queued and running jobs of every org the signed-in user owns (the header's indicator)
export const GET = apiRoute({}, async ({ user }) => ({ jobs: await listActiveJobs((await listOwnedOrgs(user)).map((org) => org.login)) }));
