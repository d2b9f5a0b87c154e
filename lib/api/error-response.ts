import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { ERROR_STATUS, isApiError, isServerErrorCode, type ApiErrorBody, type ServerErrorCode } from "@/lib/contract/api-error";
import { GitHubError } from "@/lib/github/github-error";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { describeZodError } from "./describe-zod-error";

/**
 * The `{ error: { code, message } }` answer for anything a route threw, its status from the one
 * code → status table. Unknown errors become a generic 500 and are logged (redacted) on the
 * server; their text never reaches the caller.
 */
export function errorResponse(error: unknown, route: string): NextResponse<ApiErrorBody> {
  if (isApiError(error) && isServerErrorCode(error.code)) return respond(error.code, error.message, error.retryAfter);
  if (error instanceof ZodError) return respond("bad_request", describeZodError(error));
  if (error instanceof GitHubError) {
    if (ERROR_STATUS[error.code] >= 500) console.warn(`[api] ${route} → ${ERROR_STATUS[error.code]} ${error.code}: ${error.message}`);
    return respond(error.code, error.message, error.retryAfter);
  }
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  console.error(`[api] ${route} failed: ${redactSecrets(detail)}`);
  return respond("internal_error", "Something went wrong in Grantdesk. The error was logged; try again.");
}

function respond(code: ServerErrorCode, message: string, retryAfter?: number): NextResponse<ApiErrorBody> {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
  const body: ApiErrorBody = { error: retryAfter === undefined ? { code, message } : { code, message, retryAfter } };
  return NextResponse.json(body, { status: ERROR_STATUS[code], headers });
}
