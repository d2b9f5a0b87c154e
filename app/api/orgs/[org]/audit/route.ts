import { apiRoute } from "@/lib/api/api-route";
import { auditQuerySchema, orgParams } from "@/lib/api/input-schemas";
import { listAuditRecords } from "@/lib/audit/list-audit-records";
import { readTrail } from "@/lib/audit/read-trail";

// GET /api/orgs/{org}/audit — one page of the audit trail, filtered (`target` gives one request's or token's history)
export const GET = apiRoute({ params: orgParams, query: auditQuerySchema }, ({ params, query }) =>
  readTrail((database) => listAuditRecords(database, { org: params.org, ...query.filters }, query.page, query.perPage)),
);
