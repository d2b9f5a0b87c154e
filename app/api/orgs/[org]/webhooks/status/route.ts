import { apiRoute } from "@/lib/api/api-route";
import { orgParams } from "@/lib/api/input-schemas";
import { webhookStatus } from "@/lib/webhooks/webhook-status";

// GET /api/orgs/{org}/webhooks/status — how the org's inventory learns of changes: webhook deliveries (and when the last arrived) or the periodic sync only
export const GET = apiRoute({ params: orgParams }, ({ params }) => webhookStatus(params.org));
