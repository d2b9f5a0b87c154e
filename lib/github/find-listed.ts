import "server-only";
import { MAX_TOKEN_IDS_PER_CALL } from "@/lib/contract/github-names";
import type { PatResource, PatRows } from "@/lib/contract/pat-rows";
import type { GitHubClient } from "./create-github-client";
import { listPatPage } from "./pat-lists";
import { github } from "./shared-client";

/**
 * The rows GitHub lists now (pending requests or active grants) for these tokens: request and
 * grant ids cannot be looked up directly, but the lists filter by `token_id[]`, 50 a call, the
 * calls in parallel. Rejects (GitHubError) when GitHub cannot be read: the caller must not take
 * a failed read for "not listed".
 */
export async function findListedByTokenIds<R extends PatResource>(org: string, kind: R, tokenIds: readonly number[], client: GitHubClient = github()): Promise<PatRows[R][]> {
  const distinct = [...new Set(tokenIds)];
  const chunks: number[][] = [];
  for (let start = 0; start < distinct.length; start += MAX_TOKEN_IDS_PER_CALL) chunks.push(distinct.slice(start, start + MAX_TOKEN_IDS_PER_CALL));
  const pages = await Promise.all(
    chunks.map(async (tokenId) => {
      const rows: PatRows[R][] = [];
      // 100 rows a page leaves room for a token listed more than once; page on if GitHub says there is more.
      for (let page = 1; ; page++) {
        const answer = await listPatPage(org, kind, { tokenId, perPage: 100, page }, client);
        rows.push(...answer.items);
        if (!answer.hasNextPage) return rows;
      }
    }),
  );
  return pages.flat();
}
