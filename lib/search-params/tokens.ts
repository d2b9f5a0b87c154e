// URL state of the active-tokens page: the PAT list filters, the open detail panel, and the
// per-row view (a hygiene signal GitHub cannot filter by, marked on each page).

import { createLoader, parseAsStringLiteral, type UrlKeys } from "nuqs/server";
import { ROW_ONLY_SIGNAL_KINDS } from "@/lib/format/token-hygiene";
import { parseAsPositiveInteger, patListParsers, patListUrlKeys } from "./pat-list";

export const tokensSearchParams = {
  ...patListParsers,
  /** The token grant whose detail panel is open (`?token=123`). */
  token: parseAsPositiveInteger(Number.MAX_SAFE_INTEGER),
  /** The signal whose rows are marked (`?signal=never-used`). */
  signal: parseAsStringLiteral(ROW_ONLY_SIGNAL_KINDS),
};

export const tokensUrlKeys: UrlKeys<typeof tokensSearchParams> = patListUrlKeys;

export const loadTokensSearchParams = createLoader(tokensSearchParams, { urlKeys: tokensUrlKeys });
