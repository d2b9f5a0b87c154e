import "server-only";
import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/contract/api-error";
import { env } from "@/lib/env";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { checkOrgAccess } from "./org-access";
import { getRequestUser, type SessionUser } from "./session-user";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The gate every API route passes (through `apiRoute`), in this order so a refused request
 * reaches nothing upstream: a state-changing request from another site → 403; no valid session
 * → 401; an org the app is not installed on → 404; not an active owner of the org → 403.
 */
export async function authorizeRequest(req: NextRequest, org: string | undefined): Promise<SessionUser> {
  if (!SAFE_METHODS.has(req.method) && !isSameOriginRequest(req.headers, env().appUrl)) {
    throw new ApiError("cross_site", "Cross-site requests are refused: act from Grantdesk's own pages.");
  }
  const user = await getRequestUser(req);
  if (!user) throw new ApiError("unauthorized", "Sign in to Grantdesk first.");
  if (org === undefined) return user;

  const access = await checkOrgAccess(org, user);
  if (access === "not_installed") {
    throw new ApiError("not_installed", `Grantdesk is not installed on ${org}, or the organization does not exist.`);
  }
  if (access === "not_owner") {
    throw new ApiError("forbidden", `You are not an owner of ${org}. Only its owners can see and change its tokens and requests.`);
  }
  return user;
}
