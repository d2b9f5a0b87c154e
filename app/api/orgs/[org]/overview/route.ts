import { apiRoute } from "@/lib/api/api-route";
import { orgParams } from "@/lib/api/input-schemas";
import { readOrgOverview } from "@/lib/inventory/read-inventory";

// GET /api/orgs/{org}/overview — the org at a glance: pending requests, tokens by hygiene signal, by expiry and by last use
export const GET = apiRoute({ params: orgParams }, ({ params }) => readOrgOverview(params.org));
