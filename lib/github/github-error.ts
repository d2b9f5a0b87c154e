import "server-only";
import { RequestError } from "@octokit/request-error";
import type { ServerErrorCode } from "@/lib/contract/api-error";
import { rateLimitOf } from "./rate-limit";
import { redactSecrets } from "./redact-secrets";

/** An organization permission of the GitHub App, as GitHub's settings page names it. */
export interface AppPermission {
  name: "Personal access token requests" | "Personal access tokens" | "Members";
  access: "read" | "write";
}

/** The failures of a GitHub call, as Grantdesk's API codes (lib/contract/api-error). */
export type GitHubErrorCode = Extract<
  ServerErrorCode,
  | "github_unauthorized" // GitHub rejected the app's own credentials (app id, private key): an operator problem.
  | "missing_permission" // 403: the app lacks an organization permission (named in the message).
  | "not_installed" // 404 from the installation lookup: the app is not installed on the org.
  | "not_found" // 404: the org, request or token is not there (or no longer pending / active).
  | "conflict"
  | "validation_failed" // 422: GitHub's validation message.
  | "github_refused" // Another 4xx.
  | "rate_limited" // Primary or secondary rate limit; `retryAfter` says when to try again.
  | "github_unavailable" // GitHub answered 5xx, or the connection broke mid-call: a write may or may not have landed.
  | "github_timeout" // No answer within the configured timeout: a write may or may not have landed.
  | "github_unreachable" // The connection could not be opened, so nothing reached GitHub.
  | "overloaded" // Too many GitHub reads already waiting in Grantdesk: nothing was sent.
>;

// The process has one GitHub client (on globalThis), but Next builds this module once per server
// layer (route handlers, pages, instrumentation): an error made by the client is an instance of
// whichever layer's class created the client first. `instanceof` therefore checks a brand shared
// by every copy, or a page would miss a route's GitHubError (a 500 for an org without the app).
const BRAND = Symbol.for("grantdesk.GitHubError");

/**
 * A failed GitHub call, in words a person can act on. `status` is GitHub's HTTP status when it
 * answered; `retryAfter` (seconds) is set for rate limits. Messages never carry credentials.
 */
export class GitHubError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  readonly [BRAND] = true;
  override readonly name = "GitHubError";
  readonly code: GitHubErrorCode;
  readonly status: number | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: GitHubErrorCode, message: string, options: { status?: number; retryAfter?: number } = {}) {
    super(redactSecrets(message));
    this.code = code;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
  }

  /** True when a write that failed this way may still have been applied by GitHub. */
  get outcomeUnclear(): boolean {
    return this.code === "github_unavailable" || this.code === "github_timeout";
  }
}

export interface GitHubCallContext {
  org?: string;
  /** The permission the endpoint needs, named in the 403 message. */
  permission?: AppPermission;
  /** What a 404 means for this call (e.g. "Request 7 is not pending in acme"). */
  notFound?: string;
  timeoutMs?: number;
}

/**
 * Octokit's RequestError, recognised by shape as well as by class: a bundler that instantiates
 * @octokit/request-error twice (Next's dev server can) would otherwise turn every GitHub refusal
 * into an anonymous 500.
 */
function isRequestError(error: unknown): error is RequestError {
  if (error instanceof RequestError) return true;
  return error instanceof Error && error.name === "HttpError" && typeof (error as { status?: unknown }).status === "number";
}
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * Turns what a GitHub call threw into a GitHubError; undefined when it was not a GitHub failure
 * (a bug of ours), which callers rethrow as it is.
 */
export function toGitHubError(error: unknown, context: GitHubCallContext = {}): GitHubError | undefined {
  if (error instanceof GitHubError) return error;
  if (!isRequestError(error)) return undefined;
  if (!error.response) return connectionError(error, context);

  const { status } = error.response;
  const headers = error.response.headers as Record<string, string | undefined>;
  const said = githubMessage(error.response.data);
  const org = context.org ?? "the organization";

  const limit = rateLimitOf(status, headers, said);
  if (limit) {
    const retryAfter = limit.retryAfterSeconds;
    return new GitHubError(
      "rate_limited",
      limit.kind === "secondary"
        ? `GitHub asked Grantdesk to slow down (secondary rate limit). Try again in ${retryAfter} s.`
        : `GitHub's API rate limit for Grantdesk is used up. Try again in ${retryAfter} s.`,
      { status, retryAfter },
    );
  }
  switch (status) {
    case 401:
      return new GitHubError(
        "github_unauthorized",
        "GitHub rejected Grantdesk's app credentials. Check GITHUB_APP_ID and the private key, and that the app still exists.",
        { status },
      );
    case 403: {
      const permission = context.permission;
      const needs = permission
        ? ` Grantdesk's GitHub App needs the organization permission "${permission.name}" (${permission.access}) on ${org}; an owner can grant it in the app's settings and accept it on the installation.`
        : "";
      return new GitHubError("missing_permission", `GitHub refused (403: ${said}).${needs}`, { status });
    }
    case 404:
      return new GitHubError("not_found", context.notFound ?? `${org} was not found on GitHub, or Grantdesk is not installed on it.`, {
        status,
      });
    case 409:
      return new GitHubError("conflict", `GitHub refused: ${said}`, { status });
    case 422:
      return new GitHubError("validation_failed", `GitHub refused the request: ${said}`, { status });
  }
  if (status >= 500) {
    return new GitHubError("github_unavailable", `GitHub failed to answer (${status}${said ? `: ${said}` : ""}).`, { status });
  }
  return new GitHubError("github_refused", `GitHub refused the request (${status}: ${said}).`, { status });
}

function connectionError(error: RequestError, context: GitHubCallContext): GitHubError {
  const causes = causeChain(error);
  if (causes.some((cause) => cause.name === "TimeoutError")) {
    const after = context.timeoutMs ? ` within ${Math.round(context.timeoutMs / 100) / 10} s` : "";
    return new GitHubError("github_timeout", `GitHub did not answer${after}.`);
  }
  const code = causes.map((cause) => (cause as { code?: unknown }).code).find((value) => typeof value === "string");
  if (typeof code === "string" && UNREACHABLE_CODES.has(code)) {
    return new GitHubError("github_unreachable", `Grantdesk could not connect to GitHub (${code}).`);
  }
  return new GitHubError("github_unavailable", `The connection to GitHub failed${code ? ` (${code})` : ""}.`);
}

function causeChain(error: Error): Error[] {
  const chain: Error[] = [];
  let current: unknown = error;
  while (current instanceof Error && chain.length < 5) {
    chain.push(current);
    current = current.cause;
  }
  return chain;
}

/** GitHub's `message`, with the `errors` details of a 422 when it sends them. */
function githubMessage(data: unknown): string {
  // A proxy's HTML error page in front of GitHub says nothing a person can use.
  if (typeof data !== "object" || data === null) return "";
  const { message, errors } = data as { message?: unknown; errors?: unknown };
  const base = typeof message === "string" ? message : "";
  if (!Array.isArray(errors) || errors.length === 0) return base;
  const details = errors
    .map((item: unknown) => {
      if (typeof item === "string") return item;
      if (typeof item !== "object" || item === null) return "";
      const { message: detail, field, code } = item as { message?: unknown; field?: unknown; code?: unknown };
      if (typeof detail === "string") return detail;
      return [field, code].filter((part) => typeof part === "string").join(" ");
    })
    .filter(Boolean);
  return details.length > 0 ? `${base} (${details.join("; ")})` : base;
}
