// Reading a JSON request body the way GitHub does: empty is `{}`, unparsable is 400 "Problems
// parsing JSON", anything but an object is 400 "Body should be a JSON object".

import type { Context } from "hono";
import { githubError } from "./github-errors";

export type JsonObject = Record<string, unknown>;

export async function readJsonObject(c: Context, documentationUrl: string): Promise<{ body: JsonObject } | { response: Response }> {
  const text = await c.req.text();
  if (text.trim() === "") return { body: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { response: githubError(c, 400, "Problems parsing JSON", documentationUrl) };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return { response: githubError(c, 400, "Body should be a JSON object", documentationUrl) };
  }
  return { body: parsed as JsonObject };
}
