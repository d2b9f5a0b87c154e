// URL state of the pending-requests page: the PAT list filters plus the open detail panel (`?request=123`).

import { createLoader } from "nuqs/server";
import { patViewSearchParams, patViewUrlKeys } from "./pat-list";

export const requestsUrlKeys = patViewUrlKeys("request");

export const loadRequestsSearchParams = createLoader(patViewSearchParams, { urlKeys: requestsUrlKeys });
