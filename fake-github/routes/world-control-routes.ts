// Control API for changing the world outside Grantdesk, as people would on github.com: a member
// requests a token, an owner reviews a request, the requester cancels it, an owner revokes a
// token, a token expires, an org installs, suspends or uninstalls an app. Each change sends the
// webhooks GitHub would (changes.ts) and answers the stored record (times in epoch ms). Bad input
// → 400 `{ error }`, unknown org/user/record → 404, a record no longer in the needed state → 409;
// none of them change anything.

import { Hono, type Context } from "hono";
import { z } from "zod";
import {
  cancelPatRequest, createPatRequest, expireToken, firstOwner, installApp, reviewPatRequest, setInstallationRepositories,
  setSuspended, uninstallApp, type Actor,
} from "../changes";
import { controlError, readControlBody } from "../control-body";
import { parseIsoDate } from "../list-query";
import { PERMISSION_CATALOGUE, type PermissionCategory } from "../permissions";
import type { FakeEnv, FakeState } from "../state";
import { installationOf, revokeGrant, type Org } from "../world";

const permissionMap = (category: PermissionCategory) =>
  z.record(z.string(), z.enum(["read", "write", "admin"])).superRefine((map, context) => {
    for (const [name, level] of Object.entries(map)) {
      const levels = PERMISSION_CATALOGUE[category][name];
      if (!levels) context.addIssue({ code: "custom", message: `${name} is not a ${category} permission`, path: [name] });
      else if (!levels.includes(level)) context.addIssue({ code: "custom", message: `${name} takes ${levels.join(" or ")}`, path: [name] });
    }
  });

const isoDate = z.string().refine((value) => parseIsoDate(value) !== null, "must be an ISO 8601 date-time");

const newRequestSchema = z
  .object({
    owner: z.string().min(1).optional(),
    tokenName: z.string().min(1).max(40).optional(),
    reason: z.string().max(1024).nullable().optional(),
    permissions: z
      .object({ organization: permissionMap("organization").optional(), repository: permissionMap("repository").optional(), other: permissionMap("other").optional() })
      .strict()
      .optional(),
    repositorySelection: z.enum(["none", "all", "subset"]).optional(),
    repositories: z.array(z.string().min(1)).min(1).max(1_000).optional(),
    /** When the token expires (ISO 8601), or null for never; default 30 days from now. */
    expiresAt: isoDate.nullable().optional(),
  })
  .strict();

const reviewSchema = z
  .object({
    action: z.enum(["approve", "deny"]),
    reason: z.string().max(1024).nullable().optional(),
    /** The owner who reviews on github.com; default the org's first active owner. */
    reviewer: z.string().min(1).optional(),
  })
  .strict();

const installationSchema = z
  .object({
    action: z.enum(["install", "uninstall", "suspend", "unsuspend", "repositories"]),
    /** The app; default the seeded default app. */
    appId: z.number().int().positive().optional(),
    /** Who does it on github.com; default the org's first active owner. */
    sender: z.string().min(1).optional(),
    /** With `repositories`: "all", or the names the installation keeps. */
    repositories: z.union([z.literal("all"), z.array(z.string().min(1)).min(1).max(5_000)]).optional(),
  })
  .strict()
  .refine((body) => (body.action === "repositories") === (body.repositories !== undefined), "repositories goes with action repositories, and only with it");

const appInstallationSchema = z.object({ org: z.string().min(1), sender: z.string().min(1).optional() }).strict();

export function worldControlRoutes(state: FakeState): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>();
  const orgOf = (c: Context<FakeEnv>) => state.world.orgByLogin.get(c.req.param("org")!.toLowerCase());

  /** A person acting in `org`: the named login, or the org's first active owner. */
  const personIn = (c: Context<FakeEnv>, org: Org, login: string | undefined, mustOwn: boolean): Actor | Response => {
    if (login === undefined) {
      const owner = firstOwner(org);
      return owner === null ? controlError(c, 400, `${org.login} has no active owner`) : { kind: "user", userId: owner };
    }
    const user = state.world.userByLogin.get(login.toLowerCase());
    if (!user) return controlError(c, 404, `no user named ${login}`);
    const membership = org.members.get(user.id);
    if (mustOwn && (membership?.role !== "admin" || membership.state !== "active")) return controlError(c, 400, `${user.login} is not an active owner of ${org.login}`);
    return { kind: "user", userId: user.id };
  };

  app.post("/_fake/orgs/:org/requests", async (c) => {
    const org = orgOf(c);
    if (!org) return controlError(c, 404, "no such org");
    const read = await readControlBody(c, newRequestSchema);
    if ("response" in read) return read.response;
    const { expiresAt, ...input } = read.value;
    const created = createPatRequest(state, org, { ...input, tokenExpiresAt: expiresAt === undefined ? undefined : expiresAt === null ? null : parseIsoDate(expiresAt) });
    return created.ok ? c.json(created.value, 201) : controlError(c, created.status, created.error);
  });

  app.post("/_fake/orgs/:org/requests/:id{[0-9]+}/review", async (c) => {
    const org = orgOf(c);
    const request = org?.requests.get(Number(c.req.param("id")));
    if (!org || !request) return controlError(c, 404, "no such request");
    const read = await readControlBody(c, reviewSchema);
    if ("response" in read) return read.response;
    const reviewer = personIn(c, org, read.value.reviewer, true);
    if (reviewer instanceof Response) return reviewer;
    if (!reviewPatRequest(state, org, request, read.value.action, read.value.reason ?? null, reviewer)) {
      return controlError(c, 409, `request ${request.id} is ${request.status}, not pending`);
    }
    return c.json(request);
  });

  app.post("/_fake/orgs/:org/requests/:id{[0-9]+}/cancel", (c) => {
    const org = orgOf(c);
    const request = org?.requests.get(Number(c.req.param("id")));
    if (!org || !request) return controlError(c, 404, "no such request");
    if (!cancelPatRequest(state, org, request)) return controlError(c, 409, `request ${request.id} is ${request.status}, not pending`);
    return c.json(request);
  });

  app.post("/_fake/orgs/:org/tokens/:id{[0-9]+}/revoke", (c) => {
    const org = orgOf(c);
    const grant = org?.grants.get(Number(c.req.param("id")));
    if (!org || !grant) return controlError(c, 404, "no such token");
    if (!revokeGrant(org, grant, Date.now())) return controlError(c, 409, `token ${grant.id} is already revoked`);
    return c.json(grant);
  });

  app.post("/_fake/orgs/:org/tokens/:id{[0-9]+}/expire", (c) => {
    const org = orgOf(c);
    const grant = org?.grants.get(Number(c.req.param("id")));
    if (!org || !grant) return controlError(c, 404, "no such token");
    expireToken(org, grant.tokenId, Date.now());
    return c.json(grant);
  });

  app.post("/_fake/orgs/:org/installation", async (c) => {
    const org = orgOf(c);
    if (!org) return controlError(c, 404, "no such org");
    const read = await readControlBody(c, installationSchema);
    if ("response" in read) return read.response;
    const body = read.value;
    const ghApp = state.apps.get(body.appId ?? state.defaultApp.id);
    if (!ghApp) return controlError(c, 404, `no app ${body.appId}`);
    const actor = personIn(c, org, body.sender, true);
    if (actor instanceof Response) return actor;
    if (body.action === "install") {
      const installed = installApp(state, ghApp, org, actor);
      return installed.ok ? c.json({ installation: installed.value }, 201) : controlError(c, installed.status, installed.error);
    }
    const installation = installationOf(state.world, ghApp.id, org);
    if (!installation) return controlError(c, 409, `${ghApp.slug} is not installed on ${org.login}`);
    switch (body.action) {
      case "uninstall":
        uninstallApp(state, installation, actor);
        return c.json({ installation: null });
      case "suspend":
      case "unsuspend":
        if (!setSuspended(state, installation, body.action === "suspend", actor)) return controlError(c, 409, `the installation is already ${body.action}ed`);
        return c.json({ installation });
      case "repositories": {
        const names = body.repositories!;
        const unknown = names === "all" ? undefined : names.find((name) => !org.repositoryByName.has(name.toLowerCase()));
        if (unknown !== undefined) return controlError(c, 400, `${org.login} has no repository named ${unknown}`);
        const ids = names === "all" ? "all" : names.map((name) => org.repositoryByName.get(name.toLowerCase())!.id);
        setInstallationRepositories(state, installation, org, ids, actor);
        return c.json({ installation });
      }
    }
  });

  // Everything but the public key object (it does not serialise); secrets included: a local control API.
  app.get("/_fake/apps", (c) => c.json({ apps: state.apps.all().map((ghApp) => ({ ...ghApp, publicKey: undefined })) }));

  app.post("/_fake/apps/:id{[0-9]+}/installations", async (c) => {
    const ghApp = state.apps.get(Number(c.req.param("id")));
    if (!ghApp) return controlError(c, 404, "no such app");
    const read = await readControlBody(c, appInstallationSchema);
    if ("response" in read) return read.response;
    const org = state.world.orgByLogin.get(read.value.org.toLowerCase());
    if (!org) return controlError(c, 404, `no org named ${read.value.org}`);
    const actor = personIn(c, org, read.value.sender, true);
    if (actor instanceof Response) return actor;
    const installed = installApp(state, ghApp, org, actor);
    return installed.ok ? c.json({ installation: installed.value }, 201) : controlError(c, installed.status, installed.error);
  });

  return app;
}
