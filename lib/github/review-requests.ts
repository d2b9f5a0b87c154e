import "server-only";
import type { BulkResult, ReviewAction } from "@/lib/contract/bulk-result";
import { REQUESTS_WRITE } from "./app-permissions";
import { listRequests } from "./list-requests";
import { MAX_IDS_PER_CALL, scanForIds, sendInChunks } from "./send-in-chunks";
import { github } from "./shared-client";


/**
 * Approves or denies pending fine-grained PAT requests: one id through
 * `POST /orgs/{org}/personal-access-token-requests/{id}` (204), several through the bulk
 * endpoint in chunks of 100 (202). Every distinct id gets an outcome; see sendInChunks for the
 * failure policy. Rejects (GitHubError) only when the app is not installed on the org.
 */
export async function reviewRequests(
  org: string,
  ids: readonly number[],
  action: ReviewAction,
  reason?: string,
  client = github(),
): Promise<BulkResult> {
  await client.installationIdFor(org);
  const base = `/orgs/${encodeURIComponent(org)}/personal-access-token-requests`;
  const withReason = reason ? { reason } : {};
  return sendInChunks(ids, {
    sendOne: (id) => client.request(`POST ${base}/${id}`, { action, ...withReason }),
    sendMany: (chunk) => client.request(`POST ${base}`, { pat_request_ids: chunk, action, ...withReason }),
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
