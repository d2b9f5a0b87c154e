// The demo's "a member requests a token" control: `GET /_fake/demo` is a page where a person picks
// an org and a member and presses "Request a token"; the form posts to `/_fake/demo/requests`,
// which creates the request (and its webhook) like the control API does and redirects back with
// what happened. A local demo tool on loopback: plain forms, no scripts, no CSRF token.

import { Hono } from "hono";
import { createPatRequest } from "../changes";
import { escapeHtml, page } from "../html";
import type { FakeEnv, FakeState } from "../state";
import { USERS, installationOf, type Org } from "../world";

/** How many members a select offers besides the well-known ones (acme can have 25,000). */
const MEMBERS_OFFERED = 40;

function memberOptions(state: FakeState, org: Org): string {
  const wellKnown = new Set<number>(Object.values(USERS).map((user) => user.id));
  const active = [...org.members].filter(([, membership]) => membership.state === "active").map(([id]) => state.world.users.get(id)!);
  const first = active.filter((user) => wellKnown.has(user.id));
  const rest = active
    .filter((user) => !wellKnown.has(user.id))
    .sort((a, b) => a.login.localeCompare(b.login))
    .slice(0, MEMBERS_OFFERED);
  return [`<option value="">A random member</option>`, ...[...first, ...rest].map((user) => `<option value="${escapeHtml(user.login)}">${escapeHtml(user.login)}${user.name ? ` (${escapeHtml(user.name)})` : ""}</option>`)].join("\n");
}

function orgForm(state: FakeState, org: Org): string {
  const installed = installationOf(state.world, state.defaultApp.id, org) !== undefined;
  const id = `demo-${escapeHtml(org.login)}`;
  return `<section aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${escapeHtml(org.name)} <span class="note">(${escapeHtml(org.login)}${installed ? "" : ", app not installed"})</span></h2>
<form method="post" action="/_fake/demo/requests">
<input type="hidden" name="org" value="${escapeHtml(org.login)}">
<label for="${id}-owner">Member</label>
<select id="${id}-owner" name="owner">
${memberOptions(state, org)}
</select>
<label for="${id}-name">Token name <span class="note">(optional)</span></label>
<input type="text" id="${id}-name" name="tokenName" maxlength="40">
<label for="${id}-reason">Reason <span class="note">(optional)</span></label>
<textarea id="${id}-reason" name="reason" rows="2" maxlength="1024"></textarea>
<p><button type="submit">Request a token</button></p>
</form>
</section>`;
}

function deliveriesTable(state: FakeState): string {
  const recent = state.webhooks.list().slice(0, 10);
  if (recent.length === 0) {
    const hook = state.defaultApp.hook;
    return `<p class="note">${hook.url ? "No webhook deliveries yet." : "No webhook URL is configured, so no webhooks are sent (set one with --webhook-url or POST /_fake/config)."}</p>`;
  }
  const rows = recent
    .map((delivery) => `<tr><td>${delivery.id}</td><td>${escapeHtml(delivery.event)}${delivery.action ? `.${escapeHtml(delivery.action)}` : ""}</td><td>${escapeHtml(delivery.status)}</td><td>${delivery.durationMs ?? ""}</td></tr>`)
    .join("\n");
  return `<table><caption class="note">Newest first</caption><thead><tr><th scope="col">Delivery</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">ms</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

export function demoRoutes(state: FakeState): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>();

  app.get("/_fake/demo", (c) => {
    const created = c.req.query("created");
    const error = c.req.query("error");
    const status = created
      ? `<p class="status" role="status">${escapeHtml(created)}</p>`
      : error
        ? `<p class="status" role="alert">${escapeHtml(error)}</p>`
        : "";
    const every = state.config.autoRequestEveryMs;
    return c.html(
      page(
        "fake-github demo controls",
        `<h1>Act as a member</h1>
<p>Make something happen on "GitHub" that Grantdesk should notice: a member of an org asks for a fine-grained token's access.
<span class="note">Auto-requests: ${every > 0 ? `one every ${every / 1000} s` : "off"}. <a href="/_sinks">Notifications received</a>.</span></p>
${status}
${state.world.orgs.map((org) => orgForm(state, org)).join("\n")}
<section aria-labelledby="deliveries-heading"><h2 id="deliveries-heading">Webhook deliveries</h2>
${deliveriesTable(state)}
</section>`,
        true,
      ),
    );
  });

  app.post("/_fake/demo/requests", async (c) => {
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === "string" && form[name].trim() !== "" ? form[name].trim() : undefined);
    const back = (params: Record<string, string>) => c.redirect(`/_fake/demo?${new URLSearchParams(params)}`, 303);
    const orgLogin = field("org");
    const org = orgLogin ? state.world.orgByLogin.get(orgLogin.toLowerCase()) : undefined;
    if (!org) return back({ error: "Choose an org." });
    const tokenName = field("tokenName");
    const reason = field("reason");
    if ((tokenName?.length ?? 0) > 40 || (reason?.length ?? 0) > 1024) return back({ error: "The token name is at most 40 characters, the reason at most 1,024." });
    const created = createPatRequest(state, org, { owner: field("owner"), tokenName, reason });
    if (!created.ok) return back({ error: created.error });
    const request = created.value;
    const owner = state.world.users.get(request.ownerId)!.login;
    const webhook = state.defaultApp.hook.url ? "the webhook is on its way" : "no webhook URL is configured";
    return back({ created: `Request ${request.id} created: ${owner} asks for "${request.tokenName}" in ${org.login}; ${webhook}.` });
  });

  return app;
}
