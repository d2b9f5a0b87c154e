// The control surface tests and the demo use, under /_fake (never logged, never faulted):
// the request log, reset, faults, membership changes, raw stored state and runtime config.

import { Hono, type Context } from "hono";
import { z } from "zod";
import { faultsBodySchema } from "../faults";
import type { FakeEnv, FakeState } from "../state";

const membershipSchema = z
  .object({
    org: z.string().min(1),
    username: z.string().min(1),
    role: z.enum(["admin", "member"]),
    state: z.enum(["active", "pending"]).optional(),
  })
  .strict();

const configSchema = z
  .object({
    applyDelayMs: z.number().int().min(0).max(600_000).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
  })
  .strict();

async function readBody<T>(c: Context, schema: z.ZodType<T>): Promise<{ value: T } | { response: Response }> {
  let raw: unknown;
  try {
    const text = await c.req.text();
    raw = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    return { response: c.json({ error: "body must be JSON" }, 400) };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { response: c.json({ error: `${issue.path.join(".") || "body"}: ${issue.message}` }, 400) };
  }
  return { value: parsed.data };
}

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
    const read = await readBody(c, faultsBodySchema);
    if ("response" in read) return read.response;
    state.faults.replace(read.value.faults);
    return c.json({ faults: state.faults.list() });
  });

  app.post("/_fake/memberships", async (c) => {
    const read = await readBody(c, membershipSchema);
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

  app.get("/_fake/state/orgs/:org/:kind{requests|tokens}/:id{[0-9]+}", (c) => {
    const org = state.world.orgByLogin.get(c.req.param("org").toLowerCase());
    const id = Number(c.req.param("id"));
    const record = c.req.param("kind") === "requests" ? org?.requests.get(id) : org?.grants.get(id);
    return record ? c.json(record) : c.json({ error: "no such record" }, 404);
  });

  app.get("/_fake/config", (c) => c.json(state.config));

  app.post("/_fake/config", async (c) => {
    const read = await readBody(c, configSchema);
    if ("response" in read) return read.response;
    Object.assign(state.config, read.value);
    return c.json(state.config);
  });

  return app;
}
