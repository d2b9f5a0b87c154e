// GitHub's conditional requests: every GET answer carries an ETag (weak, from the body), and a
// request whose `If-None-Match` names the current one gets `304 Not Modified` with no body —
// which GitHub does not count against the rate limit (see middleware.ts). Any change to the body
// (a review, a revoke, a token expiring) changes the ETag, so a client that revalidates never
// sees stale rows.

import { createHash } from "node:crypto";
import type { Context } from "hono";

/** Sends `body` as JSON with its ETag, or a bodiless 304 when the client already holds it. */
export function sendJsonWithEtag(c: Context, body: unknown, headers: Record<string, string> = {}): Response {
  const json = JSON.stringify(body);
  const etag = `W/"${createHash("sha256").update(json).digest("hex")}"`;
  if (matches(c.req.header("if-none-match"), etag)) return c.body(null, 304, { etag });
  return c.body(json, 200, { "content-type": "application/json; charset=utf-8", etag, ...headers });
}

/** `If-None-Match` compares weakly: `*`, or any listed tag equal to ours with or without `W/`. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}
