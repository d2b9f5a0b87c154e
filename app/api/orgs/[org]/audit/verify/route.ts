import { apiRoute } from "@/lib/api/api-route";
import { orgParams } from "@/lib/api/input-schemas";
import { readTrail } from "@/lib/audit/read-trail";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

// GET /api/orgs/{org}/audit/verify — checks the org's audit hash chain and names the first broken record
export const GET = apiRoute({ params: orgParams }, ({ params }) => readTrail((database) => verifyAuditChain(database, params.org)));
