// Installing an app from github.com: `GET /apps/{slug}/installations/new` lists the orgs with an
// "Install" button for each org the app is not on yet (fake-github keeps no session, so it offers
// every org and acts as the org's first active owner, who gets the `installation` webhook as
// sender). Installing redirects to the app's setup URL with `installation_id`,
// `setup_action=install` and the `state` given to the page, as GitHub does; without a setup URL
// it shows a confirmation.

import { Hono } from "hono";
import { firstOwner, installApp } from "../changes";
import { escapeHtml, page } from "../html";
import type { FakeEnv, FakeState } from "../state";
import { installationOf } from "../world";

export function installRoutes(state: FakeState): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>();

  app.get("/apps/:slug/installations/new", (c) => {
    const ghApp = state.apps.bySlug(c.req.param("slug"));
    if (!ghApp) return c.html(page("Page not found", "<h1>Page not found</h1>\n<p>There is no such GitHub App.</p>"), 404);
    const stateParam = c.req.query("state");
    const rows = state.world.orgs
      .map((org) => {
        const installed = installationOf(state.world, ghApp.id, org) !== undefined;
        const owner = firstOwner(org);
        const action = installed
          ? `<span class="role">Installed</span>`
          : owner === null
            ? `<span class="role">No active owner</span>`
            : `<form method="post"><input type="hidden" name="org" value="${escapeHtml(org.login)}">${
                stateParam !== undefined ? `<input type="hidden" name="state" value="${escapeHtml(stateParam)}">` : ""
              }<button type="submit" aria-label="Install on ${escapeHtml(org.login)}">Install</button></form>`;
        return `<li><span class="who"><strong>${escapeHtml(org.name)}</strong><span class="role">@${escapeHtml(org.login)}</span></span>${action}</li>`;
      })
      .join("\n");
    return c.html(
      page(
        `Install ${ghApp.name}`,
        `<h1>Install ${escapeHtml(ghApp.name)}</h1>
<p>Where do you want to install ${escapeHtml(ghApp.name)}? <span class="note">It gets ${escapeHtml(
          Object.entries(ghApp.permissions).map(([name, level]) => `${name}: ${level}`).join(", ") || "no permissions",
        )} on all repositories.</span></p>
<ul aria-label="Organizations">
${rows}
</ul>`,
      ),
    );
  });

  app.post("/apps/:slug/installations/new", async (c) => {
    const ghApp = state.apps.bySlug(c.req.param("slug"));
    if (!ghApp) return c.html(page("Page not found", "<h1>Page not found</h1>\n<p>There is no such GitHub App.</p>"), 404);
    const form = await c.req.parseBody();
    const org = typeof form.org === "string" ? state.world.orgByLogin.get(form.org.toLowerCase()) : undefined;
    const owner = org ? firstOwner(org) : null;
    if (!org || owner === null) return c.html(page("Cannot install", "<h1>Cannot install</h1>\n<p>Choose an organization with an owner.</p>"), 422);
    const installed = installApp(state, ghApp, org, { kind: "user", userId: owner });
    if (!installed.ok) return c.html(page("Already installed", `<h1>Already installed</h1>\n<p>${escapeHtml(installed.error)}.</p>`), 409);
    if (ghApp.setupUrl) {
      const target = new URL(ghApp.setupUrl);
      target.searchParams.set("installation_id", String(installed.value.id));
      target.searchParams.set("setup_action", "install");
      if (typeof form.state === "string") target.searchParams.set("state", form.state);
      return c.redirect(target.toString(), 302);
    }
    return c.html(
      page(
        "Installed",
        `<h1>${escapeHtml(ghApp.name)} is installed on ${escapeHtml(org.login)}</h1>\n<p role="status">Installation ${installed.value.id}.</p>`,
      ),
    );
  });

  return app;
}
