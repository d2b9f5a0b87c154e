import "server-only";
import type { BulkResult } from "@/lib/contract/bulk-result";
import { TOKENS_WRITE } from "./app-permissions";
import { listTokens } from "./list-tokens";
import { MAX_IDS_PER_CALL, scanForIds, sendInChunks } from "./send-in-chunks";
import { github } from "./shared-client";
import type { WriteOptions } from "./review-requests";

/**
 * Revokes fine-grained PATs' access to the org: one id through
 * `POST /orgs/{org}/personal-access-tokens/{id}` (204), several through the bulk endpoint in
 * chunks of 100 (202). Every distinct id gets an outcome; see sendInChunks for the failure
 * policy. With `asUser` the writes carry that owner's user token (see reviewRequests). Rejects
 * only before sending anything: app not installed (GitHubError), or sign in again (ApiError).
 */
export async function revokeTokens(org: string, ids: readonly number[], { client = github(), asUser }: WriteOptions = {}): Promise<BulkResult> {
  await client.installationIdFor(org);
  // The owner's token is checked (and refreshed) before anything is sent: without one, nothing is.
  if (asUser) await asUser.token();
  const as = asUser ? { request: { asUser } } : {};
  const base = `/orgs/${encodeURIComponent(org)}/personal-access-tokens`;
  return sendInChunks(ids, {
    sendOne: (id) => client.request(`POST ${base}/${id}`, { action: "revoke", ...as }),
    sendMany: (chunk) => client.request(`POST ${base}`, { pat_ids: chunk, action: "revoke", ...as }),
    findListed: (unclear) => scanForIds(unclear, (page) => listTokens(org, { page, perPage: MAX_IDS_PER_CALL }, client)),
    listedAs: "active",
    context: {
      org,
      permission: TOKENS_WRITE,
      notFound: `Not active in ${org}: already revoked, or no such token.`,
      timeoutMs: client.timeoutMs,
    },
  });
}
