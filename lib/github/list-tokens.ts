import "server-only";
import type { Page, PatTokenRow } from "@/lib/contract/pat-rows";
import type { PatListQuery } from "./build-list-query";
import { listPatPage } from "./pat-lists";
import { github } from "./shared-client";

/** One page of the fine-grained PATs with access to the org (`GET /orgs/{org}/personal-access-tokens`). */
export function listTokens(org: string, query: PatListQuery = {}, client = github()): Promise<Page<PatTokenRow>> {
  return listPatPage(org, "tokens", query, client);
}
