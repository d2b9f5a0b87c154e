import { apiRoute } from "@/lib/api/api-route";
import { inventoryFacetsQuerySchema, orgParams } from "@/lib/api/input-schemas";
import { readInventoryFacets } from "@/lib/inventory/read-inventory";

// GET /api/orgs/{org}/requests/facets — how many of the matching requests have each hygiene signal, and the owners holding most
export const GET = apiRoute({ params: orgParams, query: inventoryFacetsQuerySchema }, ({ params, query }) => readInventoryFacets(params.org, "requests", query));
