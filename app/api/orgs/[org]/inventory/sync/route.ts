import { apiRoute } from "@/lib/api/api-route";
import { orgParams } from "@/lib/api/input-schemas";
import { refreshInventory } from "@/lib/inventory/read-inventory";

// POST /api/orgs/{org}/inventory/sync — "Refresh now": sync the org's requests and tokens from GitHub at once
export const POST = apiRoute({ params: orgParams }, ({ params }) => refreshInventory(params.org));
