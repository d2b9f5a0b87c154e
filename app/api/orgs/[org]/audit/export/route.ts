import { apiRoute } from "@/lib/api/api-route";
import { auditExportQuerySchema, orgParams } from "@/lib/api/input-schemas";
import { exportAuditRecords } from "@/lib/audit/export-audit-records";

// GET /api/orgs/{org}/audit/export?format=csv|jsonl — every matching record as a streamed download
export const GET = apiRoute({ params: orgParams, query: auditExportQuerySchema }, ({ params, query }) =>
  exportAuditRecords({ org: params.org, ...query.filters }, query.format),
);
