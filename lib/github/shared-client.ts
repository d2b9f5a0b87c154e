import "server-only";
import { appCredentials } from "@/lib/app-credentials/app-credentials";
import { ApiError } from "@/lib/contract/api-error";
import { env } from "@/lib/env";
import { createGitHubClient, type GitHubClient } from "./create-github-client";

// Kept on globalThis so that dev-server module reloads reuse the client and its token cache
// instead of minting new installation tokens.
const holder = globalThis as typeof globalThis & { grantdeskGitHubClient?: { client: GitHubClient; credentials: string } };

/**
 * The process-wide GitHub App client, built on first use from the app's credentials (the
 * environment's, or those /setup stored), and built anew when they change — so an app set up
 * while Grantdesk runs is used without a restart. Throws `not_configured` while there is none.
 */
export function github(): GitHubClient {
  const credentials = appCredentials();
  if (!credentials) {
    throw new ApiError("not_configured", "Grantdesk has no GitHub App yet. An operator sets it up at /setup.");
  }
  const key = `${credentials.source}:${credentials.appId}:${credentials.version}`;
  if (holder.grantdeskGitHubClient?.credentials !== key) {
    const config = env();
    holder.grantdeskGitHubClient = {
      credentials: key,
      client: createGitHubClient({
        apiUrl: config.githubApiUrl,
        appId: credentials.appId,
        privateKey: credentials.privateKey,
        timeoutMs: config.githubTimeoutMs,
      }),
    };
  }
  return holder.grantdeskGitHubClient.client;
}
