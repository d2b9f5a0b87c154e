// May this caller use an org endpoint? Installation tokens reach only their own org and only with
// the permission the endpoint needs; user tokens (the app acting for a signed-in user) reach orgs
// where the app is installed and the user holds the role. Orgs without the app installed answer
// 404, as GitHub hides them from the app.

import { grants, refuseNonActor, type Principal, type Refusal } from "./auth";
import type { Org } from "./world";

export interface OrgNeed {
  permission: string;
  level: "read" | "write";
  /** The role a user token's user must hold in the org. */
  userRole: "owner" | "member";
}

const NOT_ACCESSIBLE: Refusal = { status: 403, message: "Resource not accessible by integration" };
const NOT_FOUND: Refusal = { status: 404, message: "Not Found" };

export function checkOrgAccess(principal: Principal, org: Org | undefined, need: OrgNeed): Refusal | null {
  const refusal = refuseNonActor(principal);
  if (refusal) return refusal;
  if (!org || org.installationId === null) return NOT_FOUND;
  if (principal.kind === "installation") {
    if (principal.installationId !== org.installationId) return NOT_ACCESSIBLE;
    return grants(principal.permissions, need.permission, need.level) ? null : NOT_ACCESSIBLE;
  }
  if (principal.kind === "user") {
    const membership = org.members.get(principal.userId);
    const allowed = membership?.state === "active" && (need.userRole === "member" || membership.role === "admin");
    return allowed ? null : NOT_ACCESSIBLE;
  }
  return NOT_ACCESSIBLE;
}
