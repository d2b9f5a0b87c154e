// URL state of a PAT list (pending requests and active tokens take the same filters, sorts and
// paging). One parser map serves the page's server component (createLoader) and the client
// table (useQueryStates). Every value is validated here, so a hand-edited URL can only ever
// become an allowed filter.

import {
  createMultiParser,
  createParser,
  parseAsIsoDate,
  parseAsNumberLiteral,
  parseAsStringLiteral,
  type inferParserType,
  type UrlKeys,
} from "nuqs/server";
import { isLogin, isRepositoryName, MAX_OWNERS } from "@/lib/contract/github-names";
import { isPermissionFilterValue } from "@/lib/contract/github-permissions";
import { LIST_STATES, SIGNAL_FILTERS, SORT_COLUMNS, type SignalFilter } from "@/lib/contract/inventory";

export const PAGE_SIZES = [30, 50, 100] as const;
/** A page number beyond this is a typo, not a real queue (100k tokens / 30 per page ≈ 3.4k). */
const MAX_PAGE = 100_000;

/** `?owner=a&owner=b`: valid, distinct (case-insensitively, as GitHub compares) logins, at most 10. */
export const parseAsOwners = createMultiParser<string[]>({
  parse: (values) => {
    const seen = new Set<string>();
    const owners: string[] = [];
    for (const raw of values) {
      const login = raw.trim();
      if (!isLogin(login) || seen.has(login.toLowerCase())) continue;
      seen.add(login.toLowerCase());
      owners.push(login);
    }
    return owners.slice(0, MAX_OWNERS);
  },
  serialize: (owners) => owners,
  eq: (a, b) => a.length === b.length && a.every((login, i) => login === b[i]),
});

const parseAsRepositoryName = createParser<string>({
  parse: (value) => (isRepositoryName(value.trim()) ? value.trim() : null),
  serialize: (value) => value,
});

const parseAsPermission = createParser<string>({
  parse: (value) => (isPermissionFilterValue(value) ? value : null),
  serialize: (value) => value,
});

/** A whole number from 1 to `max`, written in plain digits (no signs, exponents or fractions). */
export function parseAsPositiveInteger(max: number) {
  return createParser<number>({
    parse: (value) => {
      if (!/^\d{1,16}$/.test(value)) return null;
      const number = Number(value);
      return number >= 1 && number <= max ? number : null;
    },
    serialize: (value) => String(value),
  });
}

/** Free text searched in token names, owners and reasons; trimmed, capped as the API caps it. */
const parseAsSearch = createParser<string>({
  parse: (value) => {
    const text = value.trim();
    return text === "" || text.length > 100 ? null : text;
  },
  serialize: (value) => value,
});

/** `?signal=expired&signal=no-expiry`: distinct known signals, in a stable order. */
const parseAsSignals = createMultiParser<SignalFilter[]>({
  parse: (values) => SIGNAL_FILTERS.filter((signal) => values.includes(signal)),
  serialize: (signals) => signals,
  eq: (a, b) => a.length === b.length && a.every((signal, i) => signal === b[i]),
});

export const patListParsers = {
  owner: parseAsOwners.withDefault([]),
  repository: parseAsRepositoryName,
  permission: parseAsPermission,
  lastUsedBefore: parseAsIsoDate,
  lastUsedAfter: parseAsIsoDate,
  signal: parseAsSignals.withDefault([]),
  /** Last used more than this many days ago. */
  unused: parseAsPositiveInteger(3650),
  q: parseAsSearch,
  state: parseAsStringLiteral(LIST_STATES).withDefault("active"),
  sort: parseAsStringLiteral(SORT_COLUMNS).withDefault("listed"),
  direction: parseAsStringLiteral(["asc", "desc"]).withDefault("desc"),
  page: parseAsPositiveInteger(MAX_PAGE).withDefault(1),
  perPage: parseAsNumberLiteral(PAGE_SIZES).withDefault(30),
};

/** The same names Grantdesk's API uses, so a page URL reads like the query it makes. */
export const patListUrlKeys: UrlKeys<typeof patListParsers> = {
  lastUsedBefore: "last_used_before",
  lastUsedAfter: "last_used_after",
  unused: "unused_days",
  perPage: "per_page",
};

export type PatListParams = inferParserType<typeof patListParsers>;

/** Only the list's own parameters: the query key and the API query are built from exactly these. */
export function pickPatListParams(params: PatListParams): PatListParams {
  const { owner, repository, permission, lastUsedBefore, lastUsedAfter, signal, unused, q, state, sort, direction, page, perPage } = params;
  return { owner, repository, permission, lastUsedBefore, lastUsedAfter, signal, unused, q, state, sort, direction, page, perPage };
}

/** Whether any filter narrows the list (page, size, sort and the active/gone choice do not). */
export function hasPatListFilters(params: PatListParams): boolean {
  return (
    params.owner.length > 0 ||
    params.repository !== null ||
    params.permission !== null ||
    params.lastUsedBefore !== null ||
    params.lastUsedAfter !== null ||
    params.signal.length > 0 ||
    params.unused !== null ||
    params.q !== null
  );
}

/** GitHub's timestamps are ISO 8601 without fractions: `YYYY-MM-DDTHH:MM:SSZ`. */
function toGitHubTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The filters as `GET /api/orgs/{org}/requests|tokens` and their `/facets` read them (repeatable ones repeated). */
export function patFilterSearchParams(params: PatListParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const login of params.owner) query.append("owner", login);
  if (params.repository) query.set("repository", params.repository);
  if (params.permission) query.set("permission", params.permission);
  if (params.lastUsedBefore) query.set("last_used_before", toGitHubTimestamp(params.lastUsedBefore));
  if (params.lastUsedAfter) query.set("last_used_after", toGitHubTimestamp(params.lastUsedAfter));
  for (const signal of params.signal) query.append("signal", signal);
  if (params.unused !== null) query.set("unused_days", String(params.unused));
  if (params.q) query.set("q", params.q);
  if (params.state !== "active") query.set("state", params.state);
  return query;
}

/** The query string for a page of `GET /api/orgs/{org}/requests|tokens`: the filters, the sort, the page. */
export function patListApiSearchParams(params: PatListParams): URLSearchParams {
  const query = patFilterSearchParams(params);
  query.set("sort", params.sort);
  query.set("direction", params.direction);
  query.set("page", String(params.page));
  query.set("per_page", String(params.perPage));
  return query;
}

/** A PAT page's URL state: the list's parameters and the row whose detail panel is open. */
export const patViewSearchParams = {
  ...patListParsers,
  open: parseAsPositiveInteger(Number.MAX_SAFE_INTEGER),
};

export type PatViewParams = inferParserType<typeof patViewSearchParams>;

/** The URL names of a PAT page's state: the list's, and the open row as `?request=` or `?token=`. */
export function patViewUrlKeys(openKey: "request" | "token"): UrlKeys<typeof patViewSearchParams> {
  return { ...patListUrlKeys, open: openKey };
}
