import { apiRoute } from "@/lib/api/api-route";
import { orgParams } from "@/lib/api/input-schemas";
import { rateLimitStatus } from "@/lib/github/rate-limit-status";

// GET /api/orgs/{org}/rate-limit — whether GitHub calls are waiting out a rate limit, so a held revoke shows it is waiting
export const GET = apiRoute({ params: orgParams }, ({ params }) => rateLimitStatus(params.org));
