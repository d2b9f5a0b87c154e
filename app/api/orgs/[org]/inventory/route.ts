import { apiRoute } from "@/lib/api/api-route";
import { orgParams } from "@/lib/api/input-schemas";
import { readInventoryStatus } from "@/lib/inventory/read-inventory";

// GET /api/orgs/{org}/inventory — how fresh Grantdesk's inventory of the org is: last sync, one running now, a failure and GitHub's reason
export const GET = apiRoute({ params: orgParams }, ({ params }) => readInventoryStatus(params.org));
