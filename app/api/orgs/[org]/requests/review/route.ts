import { apiRoute } from "@/lib/api/api-route";
import { orgParams, reviewBodySchema } from "@/lib/api/input-schemas";
import { runAuditedAction } from "@/lib/audit/run-audited-action";
import { actingIdentityFor } from "@/lib/auth/acting-identity";
import { reviewRequests } from "@/lib/github/review-requests";

// POST /api/orgs/{org}/requests/review — approve or deny requests, recorded in the audit trail, with every id's outcome
export const POST = apiRoute({ params: orgParams, body: reviewBodySchema }, ({ params, body, user }) => {
  const { actedAs, asUser } = actingIdentityFor(user);
  return runAuditedAction(
    { org: params.org, actor: user, actedAs, action: body.action, ids: body.ids, tokenIds: body.tokenIds, reason: body.reason },
    (ids) => reviewRequests(params.org, ids, body.action, body.reason, { asUser }),
  );
});
