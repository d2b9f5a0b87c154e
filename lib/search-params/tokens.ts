// URL state of the active-tokens page: the PAT list filters plus the open detail panel (`?token=123`).

import { createLoader } from "nuqs/server";
import { patViewSearchParams, patViewUrlKeys } from "./pat-list";

export const tokensUrlKeys = patViewUrlKeys("token");

export const loadTokensSearchParams = createLoader(patViewSearchParams, { urlKeys: tokensUrlKeys });
