// Reading a control-API body: JSON (empty = `{}`) checked by a zod schema; anything else is a 400
// `{ error }` naming the first problem, and nothing changes.

import type { Context } from "hono";
import type { z } from "zod";

export async function readControlBody<T>(c: Context, schema: z.ZodType<T>): Promise<{ value: T } | { response: Response }> {
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

export function controlError(c: Context, status: 400 | 404 | 409, error: string): Response {
  return c.json({ error }, status);
}
