import "server-only";
import type { Page, PatRequestRow } from "@/lib/contract/pat-rows";
import type { PatListQuery } from "./build-list-query";
import { listPatPage } from "./pat-lists";
import { github } from "./shared-client";

/** One page of the org's pending fine-grained PAT requests (`GET /orgs/{org}/personal-access-token-requests`). */
export function listRequests(org: string, query: PatListQuery = {}, client = github()): Promise<Page<PatRequestRow>> {
  return listPatPage(org, "requests", query, client);
}
