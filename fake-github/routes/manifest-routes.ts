// The GitHub App manifest flow, as GitHub documents it:
// - `POST /settings/apps/new?state=…` (an app for a user account) and
//   `POST /organizations/{org}/settings/apps/new?state=…` (for an org), form field `manifest`: a
//   page showing what will be created, with the name editable and a "Create GitHub App for …"
//   button. For a user account the page asks who is signed in (fake-github keeps no session).
// - Confirming registers the app (its own id, slug, client id/secret, key, webhook secret) and
//   redirects to `redirect_url?code=…&state=…`, or shows the code when there is no redirect_url.
// - `POST /app-manifests/{code}/conversions` (no authentication) answers 201 with the app, its
//   client secret, webhook secret and private key. A code works once, for one hour; after that
//   → 404 with GitHub's error body.
// The new app is then a full app: JWTs signed with its key, its OAuth client, its installations
// (install-routes.ts) and its webhook.

import { randomBytes } from "node:crypto";
import { Hono, type Context } from "hono";
import { appFromManifest, checkAppName, parseManifest, type Manifest } from "../app-manifest";
import { DOCS, notFound, sendJson } from "../github-errors";
import { escapeHtml, page } from "../html";
import { integrationJson } from "../render";
import { generateAppPrivateKey } from "../app-key";
import type { FakeEnv, FakeState } from "../state";
import { SIGN_IN_LOGINS, type Org } from "../world";

export const MANIFEST_CODE_LIFETIME_MS = 3_600_000;

function summary(manifest: Manifest): string {
  const rows: [string, string][] = [
    ["Homepage", manifest.url],
    ["Description", manifest.description || "—"],
    ["Webhook", manifest.hook_attributes ? `${manifest.hook_attributes.url}${manifest.hook_attributes.active === false ? " (inactive)" : ""}` : "none"],
    ["Callback URLs", manifest.callback_urls?.join(", ") || "none"],
    ["Setup URL", manifest.setup_url ?? "none"],
    ["Permissions", Object.entries(manifest.default_permissions ?? {}).map(([name, level]) => `${name}: ${level}`).join(", ") || "none"],
    ["Events", manifest.default_events?.join(", ") || "none"],
    ["Public", manifest.public ? "yes" : "no"],
  ];
  return `<dl>\n${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join("\n")}\n</dl>`;
}

export function manifestRoutes(state: FakeState): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>();

  const creationPage = (c: Context<FakeEnv>, fields: { manifestText: string; manifest: Manifest; org: Org | undefined; name: string; login?: string; error?: string }) => {
    const { manifestText, manifest, org, name, error } = fields;
    const stateParam = c.req.query("state");
    const action = `${new URL(c.req.url).pathname}${stateParam !== undefined ? `?${new URLSearchParams({ state: stateParam })}` : ""}`;
    const accountField = org
      ? ""
      : `<label for="login">Signed in as</label>
<select id="login" name="login">
${SIGN_IN_LOGINS.map((login) => `<option value="${login}"${login === fields.login ? " selected" : ""}>${login}</option>`).join("\n")}
</select>`;
    const target = org ? org.login : "your personal account";
    return c.html(
      page(
        "Create GitHub App",
        `<h1>Create a GitHub App for ${escapeHtml(target)}</h1>
<p class="note">This is fake-github, Grantdesk's stand-in for GitHub. The app is registered when you confirm.</p>
${error ? `<p class="status" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="manifest" value="${escapeHtml(manifestText)}">
<input type="hidden" name="confirm" value="1">
<label for="name">GitHub App name</label>
<input type="text" id="name" name="name" value="${escapeHtml(name)}" maxlength="34" required>
${accountField}
${summary(manifest)}
<p><button type="submit">Create GitHub App for ${escapeHtml(org ? org.login : "your account")}</button></p>
</form>`,
      ),
      error ? 422 : 200,
    );
  };

  const register = async (c: Context<FakeEnv>, org: Org | undefined) => {
    const form = await c.req.parseBody();
    const manifestText = typeof form.manifest === "string" ? form.manifest : undefined;
    const parsed = parseManifest(manifestText);
    if (!parsed.ok) return c.html(page("Invalid manifest", `<h1>Invalid GitHub App manifest</h1>\n<p>${escapeHtml(parsed.error)}</p>`), 422);
    const { manifest } = parsed;
    const name = typeof form.name === "string" ? form.name : (manifest.name ?? "");
    const login = typeof form.login === "string" ? form.login : SIGN_IN_LOGINS[0];
    if (form.confirm !== "1") return creationPage(c, { manifestText: manifestText!, manifest, org, name, login });

    const nameError = checkAppName(name, (slug) => state.apps.bySlug(slug) !== undefined);
    const user = org ? undefined : state.world.userByLogin.get(login.toLowerCase());
    const error = nameError ?? (!org && !user ? "Choose who is signed in." : undefined);
    if (error) return creationPage(c, { manifestText: manifestText!, manifest, org, name, login, error });

    const pem = await generateAppPrivateKey();
    const ghApp = appFromManifest(manifest, {
      id: state.apps.newId(),
      name,
      owner: org ? { kind: "Organization", id: org.id } : { kind: "User", id: user!.id },
      pem,
      now: Date.now(),
    });
    state.apps.add(ghApp);
    const code = randomBytes(20).toString("hex");
    state.manifestCodes.set(code, { appId: ghApp.id, pem, expiresAt: Date.now() + MANIFEST_CODE_LIFETIME_MS });
    const stateParam = c.req.query("state");
    if (ghApp.redirectUrl) {
      const target = new URL(ghApp.redirectUrl);
      target.searchParams.set("code", code);
      if (stateParam !== undefined) target.searchParams.set("state", stateParam);
      return c.redirect(target.toString(), 302);
    }
    return c.html(
      page(
        "GitHub App created",
        `<h1>${escapeHtml(ghApp.name)} was created</h1>\n<p>The manifest named no redirect_url. Convert this code within an hour: <code>${code}</code></p>`,
      ),
    );
  };

  app.post("/settings/apps/new", (c) => register(c, undefined));

  app.post("/organizations/:org/settings/apps/new", (c) => {
    const org = state.world.orgByLogin.get(c.req.param("org").toLowerCase());
    if (!org) return c.html(page("Page not found", "<h1>Page not found</h1>\n<p>There is no such organization.</p>"), 404);
    return register(c, org);
  });

  app.post("/app-manifests/:code/conversions", (c) => {
    const code = c.req.param("code");
    const pending = state.manifestCodes.get(code);
    // Single use: a used, expired or unknown code is simply not found.
    state.manifestCodes.delete(code);
    const ghApp = pending && pending.expiresAt > Date.now() ? state.apps.get(pending.appId) : undefined;
    if (!pending || !ghApp) return notFound(c, DOCS.createFromManifest);
    const origin = new URL(c.req.url).origin;
    return sendJson(
      c,
      { ...integrationJson(origin, state.world, ghApp), client_id: ghApp.clientId, client_secret: ghApp.clientSecret, webhook_secret: ghApp.hook.secret, pem: pending.pem },
      201,
    );
  });

  return app;
}
