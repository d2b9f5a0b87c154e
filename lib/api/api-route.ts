import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { syncAppCredentials } from "@/lib/app-credentials/app-credentials";
import { authorizeRequest } from "@/lib/auth/authorize-request";
import type { SessionUser } from "@/lib/auth/session-user";
import type { ApiAnswer } from "@/lib/contract/api-answer";
import { ApiError } from "@/lib/contract/api-error";
import { describeZodError } from "./describe-zod-error";
import { errorResponse } from "./error-response";
import { readCappedBody } from "./read-capped-body";
import { admitRequest } from "./request-admission";
import { searchParamsToObject } from "./search-params-object";

/** The largest JSON body a route reads (1000 ids and a 1024-character reason fit well within). */
export const MAX_BODY_BYTES = 64 * 1024;

type Schema = z.ZodType;

/** A route that reads no search params refuses every one, as unknown body fields are refused. */
const NO_QUERY = z.strictObject({}).transform(() => undefined);
type Parsed<S> = S extends Schema ? z.output<S> : undefined;

export interface RouteSpec<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> {
  /** The dynamic segments, e.g. `orgParams`. */
  params?: P;
  /** The search params: a repeated key arrives as an array, any other as a string. Without it, any parameter is a 400. */
  query?: Q;
  /** The JSON body; a route with one accepts only `Content-Type: application/json`. */
  body?: B;
}

export interface RouteInput<P, Q, B> {
  req: NextRequest;
  /** The signed-in user; for routes under an org, an active owner of it. */
  user: SessionUser;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
}

/** What Next passes a route handler as its second argument. */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * Wraps a route handler: wait for the call's turn (request-admission.ts; 503 `overloaded` when the
 * line is too long) → validate the path → authorize (authorizeRequest: same-origin for
 * writes, signed in, owner of the org — the one place routes are guarded) → validate query and JSON body with zod (bad input is a
 * 400 naming the field, and never reaches GitHub) → run the handler → answer its result as JSON
 * (or, when it returns a Response, with that).
 * Anything thrown becomes `{ error: { code, message } }` with the right status (see
 * errorResponse). Mutating methods accept only `application/json`, which a cross-site form
 * cannot send.
 */
export function apiRoute<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  spec: RouteSpec<P, Q, B>,
  /** Answers JSON typed against the contract, or a Response of its own (a streamed download). */
  handler: (input: RouteInput<P, Q, B>) => Promise<ApiAnswer | Response> | ApiAnswer | Response,
) {
  return async function route(req: NextRequest, context: RouteContext): Promise<Response> {
    const name = `${req.method} ${req.nextUrl.pathname}`;
    try {
      // Its turn first (request-admission.ts): under load, calls start a few per event-loop turn.
      await admitRequest();
      // An app set up through another instance is picked up here (usually no wait at all).
      await syncAppCredentials();
      const params = parse(spec.params, await context.params, "path") as Parsed<P>;
      const org = (params as { org?: unknown } | undefined)?.org;
      const user = await authorizeRequest(req, typeof org === "string" ? org : undefined);
      if (req.method !== "GET" && req.method !== "HEAD") requireJson(req);
      const query = parse(spec.query ?? NO_QUERY, searchParamsToObject(req.nextUrl.searchParams), "query") as Parsed<Q>;
      const body = (spec.body ? parse(spec.body, await readJson(req), "body") : undefined) as Parsed<B>;
      const result = await handler({ req, user, params, query, body });
      // A handler that answers with something other than JSON (a streamed download) builds its own Response.
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error, name);
    }
  };
}

function parse(schema: Schema | undefined, input: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError("bad_request", describeZodError(result.error, where));
  return result.data;
}


function requireJson(req: NextRequest) {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError("unsupported_media_type", "Send the body as JSON, with Content-Type: application/json.");
  }
}

async function readJson(req: NextRequest): Promise<unknown> {
  const text = await readCappedBody(req, MAX_BODY_BYTES);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "body: not valid JSON");
  }
}
