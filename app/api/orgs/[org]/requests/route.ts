import { apiRoute } from "@/lib/api/api-route";
import { inventoryListQuerySchema, orgParams } from "@/lib/api/input-schemas";
import { readInventoryList } from "@/lib/inventory/read-inventory";

// GET /api/orgs/{org}/requests — a page of the org's pending requests, filtered, sorted and counted across the whole org (from the inventory)
export const GET = apiRoute({ params: orgParams, query: inventoryListQuerySchema }, ({ params, query }) => readInventoryList(params.org, "requests", query));
