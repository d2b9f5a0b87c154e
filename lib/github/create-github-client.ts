import "server-only";
import { Octokit } from "@octokit/core";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck";
import { createListPageCache, type ListPageCache } from "./list-page-cache";
import { createOrgInstallationAuth, type OrgInstallationAuth } from "./org-installation-auth";
import { installReadPolicy } from "./read-policy";

/** The REST API version the PAT endpoints are documented under. */
export const GITHUB_API_VERSION = "2022-11-28";

export interface GitHubClientConfig {
  apiUrl: string;
  appId: string;
  privateKey: string;
  /** Per attempt: every fetch is aborted after this long. */
  timeoutMs: number;
  /** How long an org's installation id is trusted before it is looked up again (default 10 min). */
  installationTtlMs?: number;
  /** Retries of a failed read (5xx, network error, timeout); writes are never retried (default 2). */
  readRetries?: number;
  /** A rate limit that asks for a longer wait fails at once with `rate_limited` (default 60 s). */
  maxRateLimitWaitSeconds?: number;
  /** How many times one call waits out a rate limit before giving up (default 2). */
  maxRateLimitRetries?: number;
  /** Writes from clients with the same id share GitHub's pacing (≥ 1 s apart, one at a time). */
  throttleId?: string;
  /** Replaces the global fetch (unit tests). */
  fetch?: typeof fetch;
}

export interface GitHubClient {
  /** Octokit's request, authenticated per org, paced, timed, with reads retried. */
  request: Octokit["request"];
  /** The org's installation id; rejects with GitHubError `not_installed` when the app is not there. */
  installationIdFor(org: string): Promise<number>;
  rememberInstallation(org: string, installationId: number): void;
  /** While a call waits out a GitHub rate limit: when the wait ends. Null otherwise. */
  rateLimitedUntil(): Date | null;
  timeoutMs: number;
  /** Pages of lists already read, revalidated with their ETags (list-page-cache). */
  listPages: ListPageCache;
}

const GitHubOctokit = Octokit.plugin(retry, throttling);

/**
 * Builds the GitHub App client. The app keeps one per process (`github()`), since installation
 * tokens are cached inside it; tests build their own with a fake fetch.
 */
export function createGitHubClient(config: GitHubClientConfig): GitHubClient {
  const maxWait = config.maxRateLimitWaitSeconds ?? 60;
  const maxRetries = config.maxRateLimitRetries ?? 2;
  let waitingUntil = 0;
  let auth: OrgInstallationAuth | undefined;

  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method: string; url: string }, octokit: Octokit, retryCount: number): boolean => {
      const wait = retryAfter <= maxWait && retryCount < maxRetries;
      octokit.log.warn(`GitHub ${kind} rate limit on ${options.method} ${options.url}: ${wait ? `waiting ${retryAfter} s` : "giving up"}`);
      if (wait) waitingUntil = Math.max(waitingUntil, Date.now() + retryAfter * 1000);
      return wait;
    };

  const octokit = new GitHubOctokit({
    baseUrl: config.apiUrl,
    userAgent: "grantdesk",
    request: { fetch: githubFetch(config.fetch ?? globalThis.fetch, config.timeoutMs) },
    // Octokit calls this once, in its constructor, handing over its own request.
    authStrategy: (options: { request: Octokit["request"] }) => {
      auth = createOrgInstallationAuth({
        appId: config.appId,
        privateKey: config.privateKey,
        request: options.request,
        installationTtlMs: config.installationTtlMs ?? 10 * 60_000,
      });
      return auth;
    },
    retry: {
      retries: config.readRetries ?? 2,
      // 429 and rate-limit 403s belong to the throttling plugin, which honours retry-after.
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
    },
    throttle: {
      id: config.throttleId ?? "grantdesk",
      // The plugin's default lets only 10 calls be in flight at once, which queues a busy
      // dashboard's reads behind each other; GitHub allows 100 concurrent requests. Writes keep
      // their own group: one at a time, ≥ 1 s apart.
      // (An option the plugin reads but does not declare in its types.)
      ...({ global: new Bottleneck.Group({ id: "octokit-global", maxConcurrent: 100, timeout: 120_000 }) } as Record<string, unknown>),
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
    },
  });

  // A write that failed with a 5xx or a broken connection may have been applied: sending it again
  // could act twice, so only reads are retried. (Rate-limit answers are still waited out and
  // resent by the throttling plugin: GitHub did not process those.) Registered last, so it runs
  // before the retry plugin reads the options. The copy matters too: without it the plugin's
  // per-call bookkeeping lands on the request defaults shared by every call.
  octokit.hook.before("request", (options) => {
    const write = options.method !== "GET" && options.method !== "HEAD";
    options.request = write ? { ...options.request, retries: 0 } : { ...options.request };
  });

  const orgAuth = auth!;

  // Reads leave through their own Octokit, with the same authentication (one installation token
  // per org, shared) and the same rules, minus Bottleneck's latency (read-policy).
  const reader = new Octokit({
    baseUrl: config.apiUrl,
    userAgent: "grantdesk",
    request: { fetch: githubFetch(config.fetch ?? globalThis.fetch, config.timeoutMs) },
    authStrategy: () => orgAuth,
  });
  installReadPolicy(reader, {
    retries: config.readRetries ?? 2,
    retryBaseMs: 1000,
    maxConcurrent: 100,
    onRateLimit: (kind, retryAfter, options, retryCount) => onLimit(kind)(retryAfter, options, reader, retryCount),
  });
  // Grantdesk always calls `request("METHOD /path", parameters)`: reads to the reader, the rest to
  // the paced writer. (`endpoint` and `defaults` are never used on it.)
  const request = ((route: string, parameters?: Record<string, unknown>) =>
    (route.startsWith("GET ") ? reader : octokit).request(route, parameters)) as unknown as Octokit["request"];

  return {
    request,
    installationIdFor: (org) => orgAuth.installationIdFor(org, octokit.request),
    rememberInstallation: orgAuth.rememberInstallation,
    rateLimitedUntil: () => (waitingUntil > Date.now() ? new Date(waitingUntil) : null),
    timeoutMs: config.timeoutMs,
    listPages: createListPageCache(),
  };
}

/**
 * Bodies of GitHub answers whose timeout timer is still running, until whoever reads the body
 * says it is done (`releaseTimeout`).
 */
const pendingTimeouts = new WeakMap<object, () => void>();

/** Ends the timeout of the call whose answer `body` is, once it has been read. */
export function releaseTimeout(body: unknown): void {
  if (typeof body === "object" && body !== null) pendingTimeouts.get(body)?.();
}

/**
 * Every call to GitHub leaves through here: the pinned API version and a timeout per attempt.
 * The timer is cleared as soon as the call is over — at once for an answer without a body (a 304,
 * a 204) or a failure, else when the body has been read. A timer left running would keep the
 * whole request it was started in (Next's request context, via the timer's async context) alive
 * for the full timeout: at a few hundred calls a second, hundreds of megabytes.
 */
function githubFetch(fetchImpl: typeof fetch, timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError")), timeoutMs);
    const clear = () => clearTimeout(timer);
    const headers = new Headers(init?.headers);
    headers.set("x-github-api-version", GITHUB_API_VERSION);
    const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    let response: Response;
    try {
      response = await fetchImpl(input, { ...init, headers, signal });
    } catch (error) {
      clear();
      throw error;
    }
    if (!response.body) {
      clear();
      return response;
    }
    pendingTimeouts.set(response.body, clear);
    // What octokit reads itself (JSON answers, error bodies) ends the timer when read.
    for (const method of ["text", "json", "arrayBuffer"] as const) {
      const read = response[method].bind(response) as () => Promise<unknown>;
      Object.defineProperty(response, method, { value: () => read().finally(clear) });
    }
    return response;
  };
}
