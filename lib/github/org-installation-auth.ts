import "server-only";
import { createAppAuth } from "@octokit/auth-app";
import type { EndpointDefaults, EndpointOptions, RequestInterface, RequestParameters, Route } from "@octokit/types";
import { GitHubError, toGitHubError } from "./github-error";

export interface OrgInstallationAuthOptions {
  appId: string;
  privateKey: string;
  /** Octokit's own request, so installation tokens are minted through the same pacing and timeout. */
  request: RequestInterface;
  /** How long an org → installation id answer is trusted. */
  installationTtlMs: number;
}

export interface OrgInstallationAuth {
  /** Octokit's auth hook: an app JWT for `/app/…` and `/orgs/{org}/installation`, else the org's installation token. */
  hook(request: RequestInterface, route: Route | EndpointOptions, parameters?: RequestParameters): Promise<unknown>;
  /** The org's installation id (`GET /orgs/{org}/installation`), cached for `installationTtlMs`. */
  installationIdFor(org: string, request: RequestInterface): Promise<number>;
  /** Records an installation learnt elsewhere (e.g. from `GET /app/installations`). */
  rememberInstallation(org: string, installationId: number): void;
}

const APP_ROUTE = /^\/(app(\/|$)|orgs\/[^/]+\/installation$)/;
const ORG_ROUTE = /^\/orgs\/([^/]+)(\/|$)/;
// GitHub can take a few seconds to accept a freshly minted token everywhere (a 401 meanwhile
// means the call was not processed, so sending it again is safe).
const FRESH_TOKEN_MS = 5_000;

/**
 * Octokit auth strategy for an app installed on several orgs. One `createAppAuth` lives inside, so
 * its token cache serves the whole process: each installation token is minted once and reused
 * until shortly before it expires (59 minutes), never per request.
 */
export function createOrgInstallationAuth(options: OrgInstallationAuthOptions): OrgInstallationAuth {
  const appAuth = createAppAuth({ appId: options.appId, privateKey: options.privateKey, request: options.request });
  const installations = new Map<string, { id: Promise<number>; expiresAt: number }>();

  function installationIdFor(org: string, request: RequestInterface): Promise<number> {
    const key = org.toLowerCase();
    const cached = installations.get(key);
    if (cached && cached.expiresAt > Date.now()) return cached.id;
    const id = appAuth
      .hook(request, "GET /orgs/{org}/installation", { org })
      .then((response) => Number((response.data as { id: number }).id))
      .catch((error: unknown) => {
        installations.delete(key);
        throw installationFailure(error, org);
      });
    installations.set(key, { id, expiresAt: Date.now() + options.installationTtlMs });
    return id;
  }

  async function installationToken(org: string, installationId: number) {
    try {
      return await appAuth({ type: "installation", installationId });
    } catch (error) {
      // The installation was removed since it was cached: look it up afresh next time.
      installations.delete(org.toLowerCase());
      throw installationFailure(error, org);
    }
  }

  async function hook(request: RequestInterface, route: Route | EndpointOptions, parameters?: RequestParameters) {
    // merge() always carries the route's url, which its type leaves optional.
    const endpoint = request.endpoint.merge(route as Route, parameters) as EndpointDefaults & EndpointOptions;
    const { url } = request.endpoint.parse(endpoint);
    const path = url.slice(endpoint.baseUrl.length).split("?")[0] ?? "";
    if (APP_ROUTE.test(path)) return appAuth.hook(request, route as Route, parameters);

    const org = ORG_ROUTE.exec(path)?.[1];
    if (!org) throw new Error(`Grantdesk's GitHub client only calls /app and /orgs/{org} endpoints, not ${path}`);
    // Through Octokit's own request (the one given at creation), so the lookup has the call policy's timeout and retries.
    const installationId = await installationIdFor(decodeURIComponent(org), options.request);
    const { token, createdAt } = await installationToken(decodeURIComponent(org), installationId);
    endpoint.headers.authorization = `token ${token}`;
    try {
      return await request(endpoint);
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status !== 401 || Date.now() - Date.parse(createdAt) >= FRESH_TOKEN_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return request(endpoint);
    }
  }

  function rememberInstallation(org: string, installationId: number) {
    installations.set(org.toLowerCase(), { id: Promise.resolve(installationId), expiresAt: Date.now() + options.installationTtlMs });
  }

  return { hook, installationIdFor, rememberInstallation };
}

/** A failed installation lookup or token mint; a 404 there means the app is not on the org. */
function installationFailure(error: unknown, org: string): unknown {
  const failure = toGitHubError(error, { org });
  if (failure?.code !== "not_found") return failure ?? error;
  return new GitHubError(
    "not_installed",
    `Grantdesk is not installed on ${org} (or there is no such organization). An owner of ${org} can install the GitHub App from its settings page.`,
    { status: 404 },
  );
}
