import "server-only";
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { syncAppCredentials } from "@/lib/app-credentials/app-credentials";
import { ApiError } from "@/lib/contract/api-error";
import { errorResponse } from "@/lib/api/error-response";
import { env } from "@/lib/env";
import { safeCallbackUrl } from "./callback-url";
import { authOptions } from "./options";

/** next-auth's own forms post a CSRF token and a callback URL: a few hundred bytes. */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;
const MAX_VALUE_LENGTH = 4096;
// C0 controls and DEL: never part of a URL, a provider id or a token, and a CR/LF reaching a
// Location header breaks the response.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;
// next-auth's error codes are single words (OAuthCallback, AccessDenied, …).
const ERROR_CODE = /^[A-Za-z]{1,64}$/;

type NextAuthContext = { params: Promise<{ nextauth?: string[] }> };

/**
 * next-auth's route handler, behind a check of what it would otherwise choke on: malformed input
 * is a 400 `{ error: { code, message } }` naming what is wrong, not a 500. Path segments, query
 * values and posted fields are bounded and free of control characters; a posted body must be
 * JSON or a form of text fields, at most 16 KiB. Callback URLs are not refused here: the
 * `redirect` callback (lib/auth/options.ts) turns any of them into a path on this site.
 */
export async function nextAuthRoute(req: NextRequest, context: NextAuthContext): Promise<Response> {
  try {
    const segments = (await context.params).nextauth ?? [];
    if (segments.length > 2 || segments.some((segment) => !SEGMENT.test(segment))) {
      throw new ApiError("bad_request", "path: not a sign-in endpoint");
    }
    for (const [key, value] of req.nextUrl.searchParams) checkField("query", key, value);
    const error = req.nextUrl.searchParams.get("error");
    if (error !== null && !ERROR_CODE.test(error)) throw new ApiError("bad_request", "query.error: must be a sign-in error code");

    // next-auth refuses a callback URL it cannot parse (`notaurl`) as a server "Configuration"
    // error, whether it comes in the query or in its own callback-url cookie, before its
    // `redirect` callback ever sees it: give it the safe URL instead, and clear such a cookie
    // (it would otherwise break sign-in for that browser until cleared by hand).
    const appUrl = env().appUrl;
    const staleCookie = badCallbackCookie(req);
    if (staleCookie) return clearCookieAndRetry(req, staleCookie, appUrl);
    const url = new URL(req.url);
    const callbackUrl = url.searchParams.get("callbackUrl");
    if (callbackUrl !== null) url.searchParams.set("callbackUrl", safeCallbackUrl(callbackUrl, appUrl));

    const body = req.method === "POST" ? await readBody(req) : undefined;
    const forwarded = new NextRequest(url, { method: req.method, headers: req.headers, body });
    // Options are built per call (memoised) so `next build` never needs the secrets, and rebuilt
    // when the app's credentials change (an app set up at /setup while running).
    await syncAppCredentials();
    return await NextAuth(forwarded as never, context as never, authOptions());
  } catch (error) {
    return errorResponse(error, `${req.method} ${req.nextUrl.pathname}`);
  }
}

const CALLBACK_COOKIE = /^(__Secure-)?next-auth\.callback-url$/;

/** The name of a callback-url cookie next-auth would refuse, if the request carries one. */
function badCallbackCookie(req: NextRequest): string | null {
  for (const cookie of req.cookies.getAll()) {
    if (!CALLBACK_COOKIE.test(cookie.name)) continue;
    try {
      if (/^https?:$/.test(new URL(cookie.value, cookie.value.startsWith("/") ? "http://x" : undefined).protocol)) continue;
    } catch {
      // not a URL: refused below
    }
    return cookie.name;
  }
  return null;
}

/** Sends the browser to the same endpoint again, without the cookie (307 keeps a POST and its body). */
function clearCookieAndRetry(req: NextRequest, name: string, appUrl: string): Response {
  const secure = name.startsWith("__Secure-") ? "; Secure" : "";
  return new Response(null, {
    status: 307,
    headers: {
      location: `${appUrl}${req.nextUrl.pathname}${req.nextUrl.search}`,
      "set-cookie": `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`,
      "cache-control": "no-store",
    },
  });
}

function checkField(where: "query" | "body", key: string, value: string) {
  if (key.length > 64 || CONTROL_CHARACTER.test(key)) throw new ApiError("bad_request", `${where}: a field name is malformed`);
  const name = `${where}.${key}`;
  if (value.length > MAX_VALUE_LENGTH) throw new ApiError("bad_request", `${name}: too long`);
  if (CONTROL_CHARACTER.test(value)) throw new ApiError("bad_request", `${name}: must not contain control characters`);
}

/** The posted body, checked, as text for next-auth to read again. */
async function readBody(req: NextRequest): Promise<string | undefined> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_AUTH_BODY_BYTES) throw tooLarge();
  const text = await readCapped(req);
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiError("bad_request", "body: not valid JSON");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new ApiError("bad_request", "body: must be a JSON object");
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value !== "string") throw new ApiError("bad_request", `body.${key.slice(0, 64)}: must be text`);
      checkField("body", key, value);
    }
  } else if (type.includes("application/x-www-form-urlencoded")) {
    for (const [key, value] of new URLSearchParams(text)) checkField("body", key, value);
  }
  return text;
}

/** Reads the body, stopping at the cap even when no Content-Length was sent (chunked). */
async function readCapped(req: NextRequest): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_AUTH_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge() {
  return new ApiError("payload_too_large", `The body is larger than ${MAX_AUTH_BODY_BYTES / 1024} KiB.`);
}
