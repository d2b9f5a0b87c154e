// Grantdesk's one error shape, `{ error: { code, message } }`, with a closed list of codes and one
// code → HTTP status table (as dub's lib/api/errors.ts). Route handlers throw ApiError to answer
// with it; the browser's apiFetch throws it for every failed call. Holds nothing secret, so both
// sides share it.

/** Every code an API route may answer, with its HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  // Signed in, but GitHub no longer accepts the owner's own token (ACT_AS=owner): sign in again.
  reauth_required: 401,
  forbidden: 403,
  cross_site: 403,
  missing_permission: 403,
  not_installed: 404,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  github_refused: 422,
  rate_limited: 429,
  too_many_requests: 429,
  too_many_jobs: 429,
  internal_error: 500,
  github_unavailable: 502,
  github_unauthorized: 502,
  github_unreachable: 503,
  audit_unavailable: 503,
  database_unavailable: 503,
  overloaded: 503,
  // No GitHub App yet: an operator sets one up at /setup.
  not_configured: 503,
  // The server is stopping (SIGTERM): it takes no new writes.
  shutting_down: 503,
  webhooks_not_configured: 503,
  github_timeout: 504,
} as const;

export type ServerErrorCode = keyof typeof ERROR_STATUS;

/**
 * Codes only the browser produces: no answer at all (status 0), or an answer that is not
 * Grantdesk's JSON error (a proxy's HTML page; the status is whatever came).
 */
export type BrowserErrorCode = "network_error" | "unexpected_response";

export type ApiErrorCode = ServerErrorCode | BrowserErrorCode;

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; retryAfter?: number };
}

export function isServerErrorCode(code: string): code is ServerErrorCode {
  return Object.hasOwn(ERROR_STATUS, code);
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly retryAfter: number | undefined;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    options: {
      /** Seconds to wait before retrying, when rate limited; sent as `retryAfter` and a `Retry-After` header. */
      retryAfter?: number;
      /** Only for browser codes: the status that came (0 when nothing did). */
      status?: number;
    } = {},
  ) {
    super(message);
    this.status = isServerErrorCode(code) ? ERROR_STATUS[code] : (options.status ?? 0);
    this.retryAfter = options.retryAfter;
  }
}

/**
 * An ApiError, recognised by shape as well as by class: Next evaluates each route's modules on
 * their own, while what lives on globalThis (the shared GitHub client) was built by whichever
 * route came first — an ApiError thrown from there is not `instanceof` this route's class, and a
 * refusal would pass for an unexpected fault.
 */
export function isApiError(error: unknown): error is ApiError {
  if (error instanceof ApiError) return true;
  return error instanceof Error && error.name === "ApiError" && typeof (error as { code?: unknown }).code === "string";
}
