import "server-only";
import type { EndpointDefaults, OctokitResponse, RequestInterface } from "@octokit/types";
import { ApiError } from "@/lib/contract/api-error";

/**
 * A signed-in owner's GitHub user access token, for a write sent on their behalf (ACT_AS=owner):
 * GitHub's own audit log then names the person, not only the app. Given to a call as
 * `request: { asUser }`; lib/auth/owner-tokens.ts makes them.
 */
export interface UserTokenSource {
  login: string;
  /** The owner's current token, refreshed first when it is known to have expired. */
  token(): Promise<string>;
  /**
   * GitHub refused `rejected` (401): a newer token — refreshed now, or already by another call.
   * Rejects (ApiError `reauth_required`) when GitHub refuses the refresh too.
   */
  renewed(rejected: string): Promise<string>;
}

type Endpoint = Required<EndpointDefaults>;

export function userTokenSourceOf(endpoint: EndpointDefaults): UserTokenSource | undefined {
  return (endpoint.request as { asUser?: UserTokenSource } | undefined)?.asUser;
}

/**
 * Sends one call (one attempt, under the call policy) with the owner's user token instead of the
 * app's installation token. A 401 means GitHub did not take the call (the token expired or was
 * revoked), so it is sent once more with a renewed token; whatever else happens is the call's
 * answer. There is no fallback to the installation token: a write meant to carry a person's name
 * is never sent under the app's.
 */
export async function sendAsUser(request: RequestInterface, endpoint: Endpoint, source: UserTokenSource): Promise<OctokitResponse<unknown>> {
  const withToken = (token: string) => ({ ...endpoint, headers: { ...endpoint.headers, authorization: `token ${token}` } });
  const token = await source.token();
  try {
    return await request(withToken(token));
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
  }
  try {
    return await request(withToken(await source.renewed(token)));
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
    throw reauthRequired(source.login);
  }
}

/** GitHub no longer takes the owner's token, even renewed: only a new sign-in gets another. */
export function reauthRequired(login?: string): ApiError {
  return new ApiError(
    "reauth_required",
    `GitHub no longer accepts Grantdesk's access on behalf of ${login ?? "this owner"}. Sign in again so Grantdesk can act as you; nothing was sent with the app's token instead.`,
  );
}

const isUnauthorized = (error: unknown) => (error as { status?: number } | null)?.status === 401;
