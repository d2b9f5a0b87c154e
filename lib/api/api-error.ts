import "server-only";

/** An error a route answers with as it is: `{ error: { code, message } }` and this status. */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds; sent as `retryAfter` and a `Retry-After` header. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}
