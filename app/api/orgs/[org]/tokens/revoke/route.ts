import { apiRoute } from "@/lib/api/api-route";
import { orgParams, revokeBodySchema } from "@/lib/api/input-schemas";
import { runAuditedAction } from "@/lib/audit/run-audited-action";
import { actingIdentityFor } from "@/lib/auth/acting-identity";
import { revokeTokens } from "@/lib/github/revoke-tokens";

// POST /api/orgs/{org}/tokens/revoke — revoke tokens' access, recorded in the audit trail with the note, with every id's outcome
export const POST = apiRoute({ params: orgParams, body: revokeBodySchema }, ({ params, body, user }) => {
  const { actedAs, asUser } = actingIdentityFor(user);
  return runAuditedAction(
    { org: params.org, actor: user, actedAs, action: "revoke", ids: body.ids, tokenIds: body.tokenIds, reason: body.note },
    (ids) => revokeTokens(params.org, ids, { asUser }),
  );
});
