// GitHub's error bodies: `{ message, documentation_url, status }` with status as a string, and
// 422 "Validation Failed" with an `errors` array. Each endpoint points at its own docs page, as
// GitHub's answers do.

import type { Context } from "hono";

const PATS = "https://docs.github.com/rest/orgs/personal-access-tokens";

export const DOCS = {
  rest: "https://docs.github.com/rest",
  listRequests: `${PATS}#list-requests-to-access-organization-resources-with-fine-grained-personal-access-tokens`,
  reviewRequests: `${PATS}#review-requests-to-access-organization-resources-with-fine-grained-personal-access-tokens`,
  reviewRequest: `${PATS}#review-a-request-to-access-organization-resources-with-a-fine-grained-personal-access-token`,
  requestRepositories: `${PATS}#list-repositories-requested-to-be-accessed-by-a-fine-grained-personal-access-token`,
  listTokens: `${PATS}#list-fine-grained-personal-access-tokens-with-access-to-organization-resources`,
  revokeTokens: `${PATS}#update-the-access-to-organization-resources-via-fine-grained-personal-access-tokens`,
  revokeToken: `${PATS}#update-the-access-a-fine-grained-personal-access-token-has-to-organization-resources`,
  tokenRepositories: `${PATS}#list-repositories-a-fine-grained-personal-access-token-has-access-to`,
  getApp: "https://docs.github.com/rest/apps/apps#get-the-authenticated-app",
  listInstallations: "https://docs.github.com/rest/apps/apps#list-installations-for-the-authenticated-app",
  getInstallation: "https://docs.github.com/rest/apps/apps#get-an-installation-for-the-authenticated-app",
  createFromManifest: "https://docs.github.com/rest/apps/apps#create-a-github-app-from-a-manifest",
  orgInstallation: "https://docs.github.com/rest/apps/apps#get-an-organization-installation-for-the-authenticated-app",
  createInstallationToken: "https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app",
  membership: "https://docs.github.com/rest/orgs/members#get-organization-membership-for-a-user",
  user: "https://docs.github.com/rest/users/users#get-the-authenticated-user",
  emails: "https://docs.github.com/rest/users/emails#list-email-addresses-for-the-authenticated-user",
  apiVersions: "https://docs.github.com/rest/about-the-rest-api/api-versions",
  primaryRateLimit: "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-primary-rate-limits",
  secondaryRateLimit: "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits",
} as const;

/** One entry of a 422's `errors` array. `value` is never null (the schema's oneOf would be ambiguous). */
export interface FieldError {
  resource: string;
  field: string;
  code: "missing_field" | "invalid" | "unprocessable" | "custom";
  message?: string;
  value?: string | number;
  index?: number;
}

export function sendJson(c: Context, body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(body), status as 200, { "content-type": "application/json; charset=utf-8", ...headers });
}

export function githubError(c: Context, status: number, message: string, documentationUrl: string = DOCS.rest, headers: Record<string, string> = {}): Response {
  return sendJson(c, { message, documentation_url: documentationUrl, status: String(status) }, status, headers);
}

export function notFound(c: Context, documentationUrl: string = DOCS.rest): Response {
  return githubError(c, 404, "Not Found", documentationUrl);
}

export function validationFailed(c: Context, errors: FieldError[], documentationUrl: string): Response {
  return sendJson(c, { message: "Validation Failed", errors, documentation_url: documentationUrl, status: "422" }, 422);
}

/** What GitHub says for each status when a fault forces one. */
export function statusMessage(status: number): string {
  const messages: Record<number, string> = {
    400: "Bad Request",
    401: "Bad credentials",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    422: "Validation Failed",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Server Error",
    503: "Service Unavailable",
    504: "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
  };
  return messages[status] ?? "Server Error";
}
