import { apiRoute } from "@/lib/api/api-route";
import { orgParams, revokeBodySchema } from "@/lib/api/input-schemas";
import { revokeTokens } from "@/lib/github/revoke-tokens";

// POST /api/orgs/{org}/tokens/revoke — revoke tokens' access, with every id's outcome. The
// optional `note` is validated here and recorded by the audit trail (issue 7); GitHub takes none.
export const POST = apiRoute({ params: orgParams, body: revokeBodySchema }, ({ params, body }) => revokeTokens(params.org, body.ids));
