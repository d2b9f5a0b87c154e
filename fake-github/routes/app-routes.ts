// The GitHub App endpoints, authenticated with the app's JWT: list installations, find an org's
// installation, and create a one-hour installation token (optionally narrowed to fewer
// permissions; repository scoping is not modelled since Grantdesk's installations are org-wide).

import { Hono, type Context } from "hono";
import { grants, newToken, requireApp } from "../auth";
import { DOCS, githubError, notFound, sendJson } from "../github-errors";
import { linkHeader, linkQueryPairs, parsePageParams } from "../pagination";
import { installationJson, isoSeconds } from "../render";
import { readJsonObject } from "../request-body";
import type { FakeEnv, FakeState } from "../state";
import { INSTALLATION_PERMISSIONS, type Org } from "../world";

const TOKEN_LIFETIME_MS = 3_600_000;

type InstalledOrg = Org & { installationId: number; installedAt: number };

const isInstalled = (org: Org | undefined): org is InstalledOrg => org !== undefined && org.installationId !== null && org.installedAt !== null;

export function appRoutes(state: FakeState): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>();

  const refuse = (c: Context<FakeEnv>, documentationUrl: string): Response | null => {
    const refusal = requireApp(c.get("principal"));
    return refusal ? githubError(c, refusal.status, refusal.message, documentationUrl) : null;
  };

  app.get("/app/installations", (c) => {
    const refused = refuse(c, DOCS.listInstallations);
    if (refused) return refused;
    const url = new URL(c.req.url);
    const { page, perPage } = parsePageParams(url.searchParams);
    const installed = state.world.orgs.filter(isInstalled).sort((a, b) => a.installationId - b.installationId);
    const items = installed
      .slice((page - 1) * perPage, page * perPage)
      .map((org) => installationJson(url.origin, org, state.settings.appId, state.settings.clientId));
    const link = linkHeader(`${url.origin}${url.pathname}`, linkQueryPairs(url.searchParams, []), page, perPage, installed.length);
    return sendJson(c, items, 200, link ? { link } : {});
  });

  app.get("/orgs/:org/installation", (c) => {
    const refused = refuse(c, DOCS.orgInstallation);
    if (refused) return refused;
    const org = state.world.orgByLogin.get(c.req.param("org").toLowerCase());
    if (!isInstalled(org)) return notFound(c, DOCS.orgInstallation);
    return sendJson(c, installationJson(new URL(c.req.url).origin, org, state.settings.appId, state.settings.clientId), 200);
  });

  app.post("/app/installations/:id/access_tokens", async (c) => {
    const refused = refuse(c, DOCS.createInstallationToken);
    if (refused) return refused;
    const id = c.req.param("id");
    const org = /^\d+$/.test(id) ? state.world.orgByInstallationId.get(Number(id)) : undefined;
    if (!isInstalled(org)) return notFound(c, DOCS.createInstallationToken);
    const read = await readJsonObject(c, DOCS.createInstallationToken);
    if ("response" in read) return read.response;
    let permissions: Record<string, string> = { ...INSTALLATION_PERMISSIONS };
    const requested = read.body.permissions;
    if (requested !== undefined) {
      const entries = requested !== null && typeof requested === "object" ? Object.entries(requested) : null;
      const allowed = entries?.every(([name, level]) => (level === "read" || level === "write") && grants(INSTALLATION_PERMISSIONS, name, level));
      if (!entries || !allowed) {
        return githubError(c, 422, "The permissions requested are not granted to this installation.", DOCS.createInstallationToken);
      }
      permissions = Object.fromEntries(entries) as Record<string, string>;
    }
    const token = newToken("ghs_");
    const expiresAt = Date.now() + TOKEN_LIFETIME_MS;
    state.installationTokens.set(token, { installationId: org.installationId, permissions, expiresAt });
    return sendJson(c, { token, expires_at: isoSeconds(expiresAt), permissions, repository_selection: "all" }, 201);
  });

  return app;
}
