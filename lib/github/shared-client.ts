import "server-only";
import { env } from "@/lib/env";
import { createGitHubClient, type GitHubClient } from "./create-github-client";

// Kept on globalThis so that dev-server module reloads reuse the client and its token cache
// instead of minting new installation tokens.
const holder = globalThis as typeof globalThis & { grantdeskGitHubClient?: GitHubClient };

/** The process-wide GitHub App client, configured from the environment on first use. */
export function github(): GitHubClient {
  if (!holder.grantdeskGitHubClient) {
    const config = env();
    holder.grantdeskGitHubClient = createGitHubClient({
      apiUrl: config.githubApiUrl,
      appId: config.appId,
      privateKey: config.privateKey,
      timeoutMs: config.githubTimeoutMs,
    });
  }
  return holder.grantdeskGitHubClient;
}
