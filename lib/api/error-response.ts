import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { GitHubError, type GitHubErrorCode } from "@/lib/github/github-error";
import { redactSecrets } from "@/lib/github/redact-secrets";
import type { ApiErrorBody } from "./contract";
import { ApiError } from "./api-error";
import { describeZodError } from "./describe-zod-error";

// What each GitHub failure means for Grantdesk's caller. GitHub rejecting the app's own
// credentials is Grantdesk's fault towards the person (a bad gateway), not theirs: 502, not 401.
const STATUS_BY_GITHUB_CODE: Record<GitHubErrorCode, number> = {
  github_unauthorized: 502,
  missing_permission: 403,
  not_installed: 404,
  not_found: 404,
  conflict: 409,
  validation_failed: 422,
  github_refused: 422,
  rate_limited: 429,
  github_unavailable: 502,
  github_unreachable: 503,
  github_timeout: 504,
};

/**
 * The `{ error: { code, message } }` answer for anything a route threw. Unknown errors become a
 * generic 500 and are logged (redacted) on the server; their text never reaches the caller.
 */
export function errorResponse(error: unknown, route: string): NextResponse<ApiErrorBody> {
  if (error instanceof ApiError) return respond(error.status, error.code, error.message, error.retryAfter);
  if (error instanceof ZodError) return respond(400, "bad_request", describeZodError(error));
  if (error instanceof GitHubError) {
    const status = STATUS_BY_GITHUB_CODE[error.code];
    if (status >= 500) console.warn(`[api] ${route} → ${status} ${error.code}: ${error.message}`);
    return respond(status, error.code, error.message, error.retryAfter);
  }
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  console.error(`[api] ${route} failed: ${redactSecrets(detail)}`);
  return respond(500, "internal_error", "Something went wrong in Grantdesk. The error was logged; try again.");
}

function respond(status: number, code: string, message: string, retryAfter?: number): NextResponse<ApiErrorBody> {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
  const body: ApiErrorBody = { error: retryAfter === undefined ? { code, message } : { code, message, retryAfter } };
  return NextResponse.json(body, { status, headers });
}
