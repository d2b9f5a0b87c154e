// Org membership (for Grantdesk's owner check) and the signed-in user (for next-auth).

import { Hono, type Context } from "hono";
import { refuseNonActor } from "../auth";
import { checkOrgAccess } from "../org-access";
import { sendJsonWithEtag } from "../conditional";
import { DOCS, githubError, notFound } from "../github-errors";
import { emailsJson, membershipJson, privateUserJson } from "../render";
import type { FakeEnv, FakeState } from "../state";
import type { User } from "../world";

export function userRoutes(state: FakeState): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>();

  app.get("/orgs/:org/memberships/:username", (c) => {
    const org = state.world.orgByLogin.get(c.req.param("org").toLowerCase());
    const refusal = checkOrgAccess(c.get("principal"), state.world, org, { permission: "members", level: "read", userRole: "member" });
    if (refusal) return githubError(c, refusal.status, refusal.message, DOCS.membership);
    const user = state.world.userByLogin.get(c.req.param("username").toLowerCase());
    const membership = user && org!.members.get(user.id);
    if (!user || !membership) return notFound(c, DOCS.membership);
    return sendJsonWithEtag(c, membershipJson(new URL(c.req.url).origin, org!, user, membership));
  });

  /** The user a user token belongs to, or the refusal GitHub gives other callers. */
  const signedInUser = (c: Context<FakeEnv>, documentationUrl: string): User | Response => {
    const principal = c.get("principal");
    const refusal = refuseNonActor(principal);
    if (refusal) return githubError(c, refusal.status, refusal.message, documentationUrl);
    const user = principal.kind === "user" ? state.world.users.get(principal.userId) : undefined;
    // An installation token acts as the app's bot, not a user.
    return user ?? githubError(c, 403, "Resource not accessible by integration", documentationUrl);
  };

  app.get("/user", (c) => {
    const user = signedInUser(c, DOCS.user);
    if (user instanceof Response) return user;
    return sendJsonWithEtag(c, privateUserJson(new URL(c.req.url).origin, user));
  });

  app.get("/user/emails", (c) => {
    const user = signedInUser(c, DOCS.emails);
    if (user instanceof Response) return user;
    return sendJsonWithEtag(c, emailsJson(user));
  });

  return app;
}
