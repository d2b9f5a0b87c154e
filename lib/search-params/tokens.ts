// URL state of the active-tokens page: the PAT list filters, the open detail panel (`?token=123`),
// and the per-row view (`?signal=never-used`: a hygiene signal GitHub cannot filter by, marked on
// each page).

import { createLoader, parseAsStringLiteral } from "nuqs/server";
import { ROW_ONLY_SIGNAL_KINDS } from "@/lib/format/token-hygiene";
import { patViewSearchParams, patViewUrlKeys } from "./pat-list";

export const tokensUrlKeys = patViewUrlKeys("token");

export const loadTokensSearchParams = createLoader(patViewSearchParams, { urlKeys: tokensUrlKeys });

/** The signal whose rows are marked. */
export const parseAsMarkedSignal = parseAsStringLiteral(ROW_ONLY_SIGNAL_KINDS);
