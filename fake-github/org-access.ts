// May this caller use an org endpoint? Installation tokens reach only their own org and only with
// the permission the endpoint needs; user access tokens (an app acting for a signed-in user) reach
// orgs where that app is installed, the installation has the permission, and the user holds the
// role. Orgs without the caller's app installed answer 404, as GitHub hides them from the app; a
// suspended installation answers 403 "This installation has been suspended".

import { grants, refuseNonActor, type Principal, type Refusal } from "./auth";
import { installationOf, type Org, type World } from "./world";

export interface OrgNeed {
  permission: string;
  level: "read" | "write";
  /** The role a user token's user must hold in the org. */
  userRole: "owner" | "member";
}

const NOT_ACCESSIBLE: Refusal = { status: 403, message: "Resource not accessible by integration" };
const NOT_FOUND: Refusal = { status: 404, message: "Not Found" };
export const SUSPENDED: Refusal = { status: 403, message: "This installation has been suspended" };

export function checkOrgAccess(principal: Principal, world: World, org: Org | undefined, need: OrgNeed): Refusal | null {
  const refusal = refuseNonActor(principal);
  if (refusal) return refusal;
  if (principal.kind !== "installation" && principal.kind !== "user") return NOT_ACCESSIBLE;
  const installation = org && installationOf(world, principal.appId, org);
  if (!org || !installation) return NOT_FOUND;
  if (principal.kind === "installation" && principal.installationId !== installation.id) return NOT_ACCESSIBLE;
  if (installation.suspendedAt !== null) return SUSPENDED;
  const permissions = principal.kind === "installation" ? principal.permissions : installation.permissions;
  if (!grants(permissions, need.permission, need.level)) return NOT_ACCESSIBLE;
  if (principal.kind === "user") {
    const membership = org.members.get(principal.userId);
    const allowed = membership?.state === "active" && (need.userRole === "member" || membership.role === "admin");
    if (!allowed) return NOT_ACCESSIBLE;
  }
  return null;
}
