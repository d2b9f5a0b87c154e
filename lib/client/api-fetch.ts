// The browser's one way to call Grantdesk's API routes: JSON in, JSON out, and every failure
// (an `{ error }` body, a non-JSON answer, no answer at all) thrown as an ApiError a person can read.

import { ApiError } from "@/lib/api/api-error";
import type { ApiErrorBody } from "@/lib/api/contract";

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
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
    throw new ApiError(0, "network_error", "Grantdesk could not be reached. Check your connection and try again.");
  }

  const body = await readJson(response);
  if (response.ok) return body as T;
  if (isApiErrorBody(body)) {
    throw new ApiError(response.status, body.error.code, body.error.message, body.error.retryAfter);
  }
  throw new ApiError(response.status, "unexpected_response", `Grantdesk answered with HTTP ${response.status}. Try again in a moment.`);
}

/** Whether retrying the same read could help: not for refusals (4xx) other than rate limits. */
export function isRetryableError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}
