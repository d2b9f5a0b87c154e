import "server-only";
import { Octokit } from "@octokit/core";
import type { EndpointDefaults, EndpointOptions, OctokitResponse, RequestInterface, RequestParameters, Route } from "@octokit/types";
import { createCallPolicy, type CallPolicyOptions } from "./call-policy";
import { createListPageCache, type ListPageCache } from "./list-page-cache";
import { createOrgInstallationAuth, type OrgInstallationAuth } from "./org-installation-auth";
import { sendAsUser, userTokenSourceOf } from "./user-token-auth";

/** The REST API version the PAT endpoints are documented under. */
export const GITHUB_API_VERSION = "2022-11-28";

export interface GitHubClientConfig extends Omit<CallPolicyOptions, "timeoutMs"> {
  apiUrl: string;
  appId: string;
  privateKey: string;
  /** Per attempt: every call is aborted after this long. */
  timeoutMs: number;
  /** How long an org's installation id is trusted before it is looked up again (default 10 min). */
  installationTtlMs?: number;
  /** Replaces the global fetch (unit tests). */
  fetch?: typeof fetch;
}

export interface GitHubClient {
  /** Octokit's request: authenticated per org, under the one call policy (call-policy.ts). */
  request: Octokit["request"];
  /** The org's installation id; rejects with GitHubError `not_installed` when the app is not there. */
  installationIdFor(org: string): Promise<number>;
  rememberInstallation(org: string, installationId: number): void;
  /** While a call for the org waits out a GitHub rate limit: when the wait ends. Null otherwise. */
  rateLimitedUntil(org: string): Date | null;
  timeoutMs: number;
  /** Pages of lists already read, revalidated with their ETags (list-page-cache). */
  listPages: ListPageCache;
}

/**
 * Builds the GitHub App client. The app keeps one per process (`github()`), since installation
 * tokens are cached inside it; tests build their own with a fake fetch.
 */
export function createGitHubClient(config: GitHubClientConfig): GitHubClient {
  const fetchImpl = config.fetch ?? globalThis.fetch;
  const policy = createCallPolicy(config);
  let orgAuth: OrgInstallationAuth | undefined;
  const octokit = new Octokit({
    baseUrl: config.apiUrl,
    userAgent: "grantdesk",
    // Every call, including the app's own (installation lookups, token mints), names the API version.
    request: {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        headers.set("x-github-api-version", GITHUB_API_VERSION);
        return fetchImpl(input, { ...init, headers });
      },
    },
    // Octokit calls this once, in its constructor, handing over its own request (so installation
    // tokens are minted through the same policy). Its hook is the only one on the request: every
    // call goes through the policy (queue, timeout, retries), which hands each attempt to the
    // authentication — the org's installation token, or for a call given `request: { asUser }`
    // (ACT_AS=owner) that owner's user token, never replaced by the installation token — then to fetch.
    authStrategy: (options: { request: Octokit["request"] }) => {
      const auth = createOrgInstallationAuth({
        appId: config.appId,
        privateKey: config.privateKey,
        request: options.request,
        installationTtlMs: config.installationTtlMs ?? 10 * 60_000,
      });
      orgAuth = auth;
      return {
        hook: (request: RequestInterface, route: Route | EndpointOptions, parameters?: RequestParameters) => {
          const endpoint = request.endpoint.merge(route as Route, parameters) as Required<EndpointDefaults>;
          const asUser = userTokenSourceOf(endpoint);
          const authenticate = asUser
            ? (attempt: Required<EndpointDefaults>) => sendAsUser(request, attempt, asUser)
            : (attempt: Required<EndpointDefaults>) => auth.hook(request, attempt) as Promise<OctokitResponse<unknown>>;
          return policy.send(authenticate, endpoint, request.endpoint.parse(endpoint).url);
        },
      };
    },
  });
  const installations = orgAuth!;

  return {
    request: octokit.request,
    installationIdFor: (org) => installations.installationIdFor(org, octokit.request),
    rememberInstallation: installations.rememberInstallation,
    rateLimitedUntil: policy.rateLimitedUntil,
    timeoutMs: config.timeoutMs,
    listPages: createListPageCache(),
  };
}
