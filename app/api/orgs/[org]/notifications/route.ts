import { apiRoute } from "@/lib/api/api-route";
import { orgParams, pageQuerySchema } from "@/lib/api/input-schemas";
import { listRecords } from "@/lib/notifications/notifications-service";

// GET /api/orgs/{org}/notifications — every notification sent (or tried) for the org, newest first
export const GET = apiRoute({ params: orgParams, query: pageQuerySchema }, ({ params, query }) => listRecords(params.org, query.page ?? 1, query.perPage ?? 30));
