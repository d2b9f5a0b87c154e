import "server-only";
import type { BulkResult, ReviewAction } from "@/lib/contract/bulk-result";
import type { GitHubClient } from "./create-github-client";
import { REQUESTS_WRITE } from "./app-permissions";
import { listRequests } from "./list-requests";
import { MAX_IDS_PER_CALL, scanForIds, sendInChunks } from "./send-in-chunks";
import { github } from "./shared-client";
import type { UserTokenSource } from "./user-token-auth";

export interface WriteOptions {
  client?: GitHubClient;
  /** Send as this owner, with their user token (ACT_AS=owner); default: the app's installation token. */
  asUser?: UserTokenSource;
}

/**
 * Approves or denies pending fine-grained PAT requests: one id through
 * `POST /orgs/{org}/personal-access-token-requests/{id}` (204), several through the bulk
 * endpoint in chunks of 100 (202). Every distinct id gets an outcome; see sendInChunks for the
 * failure policy. With `asUser` the writes carry that owner's user token (reads, such as the
 * re-check after an unclear answer, keep the app's). Rejects only before sending anything: the
 * app is not installed on the org (GitHubError), or the owner must sign in again (ApiError).
 */
export async function reviewRequests(
  org: string,
  ids: readonly number[],
  action: ReviewAction,
  reason?: string,
  { client = github(), asUser }: WriteOptions = {},
): Promise<BulkResult> {
  await client.installationIdFor(org);
  // The owner's token is checked (and refreshed) before anything is sent: without one, nothing is.
  if (asUser) await asUser.token();
  const as = asUser ? { request: { asUser } } : {};
  const base = `/orgs/${encodeURIComponent(org)}/personal-access-token-requests`;
  const withReason = reason ? { reason } : {};
  return sendInChunks(ids, {
    sendOne: (id) => client.request(`POST ${base}/${id}`, { action, ...withReason, ...as }),
    sendMany: (chunk) => client.request(`POST ${base}`, { pat_request_ids: chunk, action, ...withReason, ...as }),
    findListed: (unclear) => scanForIds(unclear, (page) => listRequests(org, { page, perPage: MAX_IDS_PER_CALL }, client)),
    listedAs: "pending",
    context: {
      org,
      permission: REQUESTS_WRITE,
      notFound: `Not pending in ${org}: already reviewed, or no such request.`,
      timeoutMs: client.timeoutMs,
    },
  });
}
