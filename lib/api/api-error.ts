/**
 * An API failure as `{ error: { code, message } }` with its HTTP status. Route handlers throw it
 * to answer with exactly that; the browser's `apiFetch` throws it for every failed call (status 0
 * when the server could not be reached). Holds nothing secret, so both sides share it.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait before retrying, when rate limited; sent as `retryAfter` and a `Retry-After` header. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}
