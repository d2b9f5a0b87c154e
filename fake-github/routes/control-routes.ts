// The control surface tests and the demo use, under /_fake (never logged, never faulted):
// the request log, reset, faults, membership changes, raw stored state, runtime config, webhook
// deliveries and the user-token controls. Changes to the world outside Grantdesk (requests,
// tokens, installations, apps) are in world-control-routes.ts.

import { Hono, type Context } from "hono";
import { z } from "zod";
import { controlError, readControlBody } from "../control-body";
import { faultsBodySchema } from "../faults";
import type { FakeEnv, FakeState } from "../state";
import { worldControlRoutes } from "./world-control-routes";

const membershipSchema = z
  .object({
    org: z.string().min(1),
    username: z.string().min(1),
    role: z.enum(["admin", "member"]),
    state: z.enum(["active", "pending"]).optional(),
  })
  .strict();

const httpUrl = z.string().refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), "must be an http(s) URL");

const configSchema = z
  .object({
    applyDelayMs: z.number().int().min(0).max(600_000).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    userTokenTtlSeconds: z.number().int().min(0).max(31_536_000).optional(),
    autoRequestEveryMs: z.union([z.literal(0), z.number().int().min(100).max(86_400_000)]).optional(),
    /** The default app's webhook; null turns deliveries off. */
    webhookUrl: httpUrl.nullable().optional(),
    webhookSecret: z.string().min(1).max(256).nullable().optional(),
  })
  .strict();

const loginSchema = z.object({ login: z.string().min(1) }).strict();

export function controlRoutes(state: FakeState): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>();

  app.get("/_fake/log", (c) => {
    const since = c.req.query("since");
    if (since !== undefined && !/^\d+$/.test(since)) return c.json({ error: "since must be a sequence number" }, 400);
    return c.json({ entries: state.log.since(since === undefined ? 0 : Number(since)) });
  });

  app.post("/_fake/reset", (c) => {
    state.reset();
    return c.json({ ok: true });
  });

  app.get("/_fake/faults", (c) => c.json({ faults: state.faults.list() }));

  app.post("/_fake/faults", async (c) => {
    const read = await readControlBody(c, faultsBodySchema);
    if ("response" in read) return read.response;
    state.faults.replace(read.value.faults);
    return c.json({ faults: state.faults.list() });
  });

  app.post("/_fake/memberships", async (c) => {
    const read = await readControlBody(c, membershipSchema);
    if ("response" in read) return read.response;
    const { org: orgLogin, username, role, state: membershipState } = read.value;
    const org = state.world.orgByLogin.get(orgLogin.toLowerCase());
    const user = state.world.userByLogin.get(username.toLowerCase());
    if (!org || !user) return c.json({ error: `no ${org ? "user" : "org"} named ${org ? username : orgLogin}` }, 404);
    const membership = { role, state: membershipState ?? org.members.get(user.id)?.state ?? "active" };
    org.members.set(user.id, membership);
    return c.json({ org: org.login, username: user.login, ...membership });
  });

  app.get("/_fake/state/orgs/:org", (c) => {
    const org = state.world.orgByLogin.get(c.req.param("org").toLowerCase());
    return org ? c.json(org.counts) : c.json({ error: "no such org" }, 404);
  });

  // Every stored record of a kind, optionally only those with `?status=` (pending, active, …): the
  // truth a test compares Grantdesk's org-wide counts with.
  app.get("/_fake/state/orgs/:org/:kind{requests|tokens}", (c) => {
    const org = state.world.orgByLogin.get(c.req.param("org").toLowerCase());
    if (!org) return c.json({ error: "no such org" }, 404);
    const status = c.req.query("status");
    const records: readonly { status: string }[] = c.req.param("kind") === "requests" ? org.requests.all() : org.grants.all();
    return c.json({ records: status === undefined ? records : records.filter((record) => record.status === status) });
  });

  app.get("/_fake/state/orgs/:org/:kind{requests|tokens}/:id{[0-9]+}", (c) => {
    const org = state.world.orgByLogin.get(c.req.param("org").toLowerCase());
    const id = Number(c.req.param("id"));
    const record = c.req.param("kind") === "requests" ? org?.requests.get(id) : org?.grants.get(id);
    return record ? c.json(record) : c.json({ error: "no such record" }, 404);
  });

  const configView = () => ({
    ...state.config,
    webhookUrl: state.defaultApp.hook.url,
    webhookSecret: state.defaultApp.hook.secret,
  });

  app.get("/_fake/config", (c) => c.json(configView()));

  app.post("/_fake/config", async (c) => {
    const read = await readControlBody(c, configSchema);
    if ("response" in read) return read.response;
    const { webhookUrl, webhookSecret, ...runtime } = read.value;
    Object.assign(state.config, runtime);
    const hook = state.defaultApp.hook;
    if (webhookUrl !== undefined) {
      hook.url = webhookUrl;
      hook.active = webhookUrl !== null;
    }
    if (webhookSecret !== undefined) hook.secret = webhookSecret;
    if (runtime.autoRequestEveryMs !== undefined) state.scheduleAutoRequests();
    return c.json(configView());
  });

  app.get("/_fake/deliveries", (c) => {
    const event = c.req.query("event");
    const deliveries = state.webhooks.list().filter((delivery) => event === undefined || delivery.event === event);
    return c.json({ deliveries });
  });

  app.get("/_fake/deliveries/:id{[0-9]+}", (c) => {
    const delivery = state.webhooks.get(Number(c.req.param("id")));
    return delivery ? c.json(delivery) : controlError(c, 404, "no such delivery");
  });

  app.post("/_fake/deliveries/:id{[0-9]+}/redeliver", (c) => {
    const delivery = state.webhooks.redeliver(Number(c.req.param("id")), (appId) => state.apps.get(appId));
    return delivery ? c.json(delivery, 202) : controlError(c, 404, "no such delivery");
  });

  /** The user named in the body, or the answer to send. */
  const userIn = async (c: Context<FakeEnv>) => {
    const read = await readControlBody(c, loginSchema);
    if ("response" in read) return read.response;
    const user = state.world.userByLogin.get(read.value.login.toLowerCase());
    return user ?? controlError(c, 404, `no user named ${read.value.login}`);
  };

  app.post("/_fake/user-tokens/expire", async (c) => {
    const user = await userIn(c);
    if (user instanceof Response) return user;
    let expired = 0;
    const now = Date.now();
    for (const token of state.userTokens.values()) {
      if (token.userId !== user.id || (token.expiresAt !== null && token.expiresAt <= now)) continue;
      token.expiresAt = now;
      expired++;
    }
    return c.json({ login: user.login, expired });
  });

  app.post("/_fake/user-tokens/revoke-refresh", async (c) => {
    const user = await userIn(c);
    if (user instanceof Response) return user;
    let revoked = 0;
    for (const [token, refresh] of state.refreshTokens) {
      if (refresh.userId !== user.id) continue;
      state.refreshTokens.delete(token);
      revoked++;
    }
    return c.json({ login: user.login, revoked });
  });

  app.route("/", worldControlRoutes(state));
  return app;
}
