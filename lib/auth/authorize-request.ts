import "server-only";
import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/contract/api-error";
import { env } from "@/lib/env";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { limitUserCall } from "@/lib/security/user-rate-limit";
import { checkOrgAccess } from "./org-access";
import { getRequestUser, type SessionUser } from "./session-user";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** What anyone who may not act on an org is told, whatever the reason: the same status, code and words. */
export function notAnOwnerOf(org: string): ApiError {
  return new ApiError(
    "forbidden",
    `You are not an owner of ${org} in Grantdesk: only the owners of an organization Grantdesk is installed on can see and change its tokens and requests.`,
  );
}

/**
 * The gate every API route passes (through `apiRoute`), in this order so a refused request
 * reaches nothing upstream: a state-changing request from another site → 403; no valid session
 * → 401; over the user's rate limit → 429; not an active owner of the org → 403.
 *
 * An org the app is not installed on (or that does not exist) gets the very answer a non-owner
 * gets, in about the same time (org-access-cache.ts), and costs no GitHub call: a signed-in user
 * cannot learn which orgs use Grantdesk by probing, nor make Grantdesk call GitHub for names it
 * does not know.
 */
export async function authorizeRequest(req: NextRequest, org: string | undefined): Promise<SessionUser> {
  if (!SAFE_METHODS.has(req.method) && !isSameOriginRequest(req.headers, env().appUrl)) {
    throw new ApiError("cross_site", "Cross-site requests are refused: act from Grantdesk's own pages.");
  }
  const user = await getRequestUser(req);
  if (!user) throw new ApiError("unauthorized", "Sign in to Grantdesk first.");
  await limitUserCall(user.id, req.method);
  if (org === undefined) return user;

  if ((await checkOrgAccess(org, user)) !== "owner") throw notAnOwnerOf(org);
  return user;
}
