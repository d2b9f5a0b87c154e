// The browser's one way to call Grantdesk's API routes: JSON in, JSON out, and every failure
// (an `{ error }` body, a non-JSON answer, no answer at all) thrown as an ApiError a person can read.

import { ApiError, isServerErrorCode, type ApiErrorBody } from "@/lib/contract/api-error";

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    isServerErrorCode((error as { code: string }).code) &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function apiFetch<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}), ...init?.headers },
      credentials: "same-origin",
    });
  } catch (error) {
    if (init?.signal?.aborted) throw error;
    throw new ApiError("network_error", "Grantdesk could not be reached. Check your connection and try again.");
  }

  const body = await readJson(response);
  if (response.ok) return body as T;
  if (isApiErrorBody(body)) {
    throw new ApiError(body.error.code, body.error.message, { retryAfter: body.error.retryAfter });
  }
  throw new ApiError("unexpected_response", `Grantdesk answered with HTTP ${response.status}. Try again in a moment.`, { status: response.status });
}

/** Whether retrying the same read could help: not for refusals (4xx) other than rate limits. */
export function isRetryableError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}
