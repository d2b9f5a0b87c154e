// URL state of the pending-requests page: the PAT list filters plus the open detail panel.

import { createLoader, type UrlKeys } from "nuqs/server";
import { parseAsPositiveInteger, patListParsers, patListUrlKeys } from "./pat-list";

export const requestsSearchParams = {
  ...patListParsers,
  /** The request whose detail panel is open (`?request=123`). */
  request: parseAsPositiveInteger(Number.MAX_SAFE_INTEGER),
};

export const requestsUrlKeys: UrlKeys<typeof requestsSearchParams> = patListUrlKeys;

export const loadRequestsSearchParams = createLoader(requestsSearchParams, { urlKeys: requestsUrlKeys });
