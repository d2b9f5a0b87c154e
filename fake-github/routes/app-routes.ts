// The GitHub App endpoints, authenticated with an app's JWT (any registered app: each sees only
// its own installations): the app itself, its installations, an org's installation, and one-hour
// installation tokens (optionally narrowed to fewer permissions; repository scoping is not
// modelled since Grantdesk's installations are org-wide). A suspended installation is listed but
// gets no token: 403 "This installation has been suspended", as on GitHub.

import { Hono, type Context } from "hono";
import { grants, newToken, requireApp } from "../auth";
import { sendJsonWithEtag } from "../conditional";
import { DOCS, githubError, notFound, sendJson } from "../github-errors";
import { SUSPENDED } from "../org-access";
import { linkHeader, linkQueryPairs, parsePageParams } from "../pagination";
import { installationJson, integrationJson, isoSeconds } from "../render";
import { readJsonObject } from "../request-body";
import type { FakeEnv, FakeState } from "../state";
import { installationOf } from "../world";

const TOKEN_LIFETIME_MS = 3_600_000;

export function appRoutes(state: FakeState): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>();

  /** The calling app's id, or the refusal to send. */
  const callingApp = (c: Context<FakeEnv>, documentationUrl: string): number | Response => {
    const principal = c.get("principal");
    const refusal = requireApp(principal);
    if (refusal || principal.kind !== "app") return githubError(c, refusal?.status ?? 401, refusal?.message ?? "Requires authentication", documentationUrl);
    return principal.appId;
  };

  const installationsOf = (appId: number) => [...state.world.installations.values()].filter((installation) => installation.appId === appId).sort((a, b) => a.id - b.id);

  app.get("/app", (c) => {
    const appId = callingApp(c, DOCS.getApp);
    if (appId instanceof Response) return appId;
    const origin = new URL(c.req.url).origin;
    return sendJsonWithEtag(c, integrationJson(origin, state.world, state.apps.get(appId)!, installationsOf(appId).length));
  });

  app.get("/app/installations", (c) => {
    const appId = callingApp(c, DOCS.listInstallations);
    if (appId instanceof Response) return appId;
    const url = new URL(c.req.url);
    const { page, perPage } = parsePageParams(url.searchParams);
    const installed = installationsOf(appId);
    const ghApp = state.apps.get(appId)!;
    const items = installed.slice((page - 1) * perPage, page * perPage).map((installation) => installationJson(url.origin, state.world, installation, ghApp));
    const link = linkHeader(`${url.origin}${url.pathname}`, linkQueryPairs(url.searchParams, []), page, perPage, installed.length);
    return sendJsonWithEtag(c, items, link ? { link } : {});
  });

  app.get("/app/installations/:id{[0-9]+}", (c) => {
    const appId = callingApp(c, DOCS.getInstallation);
    if (appId instanceof Response) return appId;
    const installation = state.world.installations.get(Number(c.req.param("id")));
    if (!installation || installation.appId !== appId) return notFound(c, DOCS.getInstallation);
    return sendJsonWithEtag(c, installationJson(new URL(c.req.url).origin, state.world, installation, state.apps.get(appId)!));
  });

  app.get("/orgs/:org/installation", (c) => {
    const appId = callingApp(c, DOCS.orgInstallation);
    if (appId instanceof Response) return appId;
    const org = state.world.orgByLogin.get(c.req.param("org").toLowerCase());
    const installation = org && installationOf(state.world, appId, org);
    if (!installation) return notFound(c, DOCS.orgInstallation);
    return sendJsonWithEtag(c, installationJson(new URL(c.req.url).origin, state.world, installation, state.apps.get(appId)!));
  });

  app.post("/app/installations/:id/access_tokens", async (c) => {
    const appId = callingApp(c, DOCS.createInstallationToken);
    if (appId instanceof Response) return appId;
    const id = c.req.param("id");
    const installation = /^\d+$/.test(id) ? state.world.installations.get(Number(id)) : undefined;
    if (!installation || installation.appId !== appId) return notFound(c, DOCS.createInstallationToken);
    if (installation.suspendedAt !== null) return githubError(c, SUSPENDED.status, SUSPENDED.message, DOCS.createInstallationToken);
    const read = await readJsonObject(c, DOCS.createInstallationToken);
    if ("response" in read) return read.response;
    let permissions: Record<string, string> = { ...installation.permissions };
    const requested = read.body.permissions;
    if (requested !== undefined) {
      const entries = requested !== null && typeof requested === "object" ? Object.entries(requested) : null;
      const allowed = entries?.every(([name, level]) => (level === "read" || level === "write") && grants(installation.permissions, name, level));
      if (!entries || !allowed) {
        return githubError(c, 422, "The permissions requested are not granted to this installation.", DOCS.createInstallationToken);
      }
      permissions = Object.fromEntries(entries) as Record<string, string>;
    }
    const token = newToken("ghs_");
    const expiresAt = Date.now() + TOKEN_LIFETIME_MS;
    state.installationTokens.set(token, { installationId: installation.id, appId, permissions, expiresAt });
    const repositorySelection = installation.repositorySelection;
    return sendJson(c, { token, expires_at: isoSeconds(expiresAt), permissions, repository_selection: repositorySelection }, 201);
  });

  return app;
}
