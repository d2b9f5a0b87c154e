// URL state of the audit page. One parser map serves the page's server component
// (createLoader) and the client table (useQueryStates); every value is validated here, so a
// hand-edited URL can only ever become an allowed filter.

import { createLoader, parseAsIsoDate, parseAsNumberLiteral, parseAsStringLiteral, type inferParserType, type UrlKeys } from "nuqs/server";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/contract/audit-record";
import { parseAsJobId } from "./jobs";
import { PAGE_SIZES, parseAsOwners, parseAsPositiveInteger } from "./pat-list";

/** A page number beyond this is a typo: 100,000 records at 30 a page is about 3.4k pages. */
const MAX_PAGE = 100_000;

export const auditSearchParams = {
  /** Who acted: owners' logins. */
  actor: parseAsOwners.withDefault([]),
  action: parseAsStringLiteral(AUDIT_ACTIONS),
  outcome: parseAsStringLiteral(AUDIT_OUTCOMES),
  /** Whose tokens: their owners' logins. */
  owner: parseAsOwners.withDefault([]),
  /** First day included (UTC). */
  from: parseAsIsoDate,
  /** Last day included (UTC). */
  to: parseAsIsoDate,
  /** One action's records: a bulk job's id (its audit batch). */
  batch: parseAsJobId,
  page: parseAsPositiveInteger(MAX_PAGE).withDefault(1),
  perPage: parseAsNumberLiteral(PAGE_SIZES).withDefault(30),
};

export const auditUrlKeys: UrlKeys<typeof auditSearchParams> = { perPage: "per_page" };

export const loadAuditSearchParams = createLoader(auditSearchParams, { urlKeys: auditUrlKeys });

export type AuditParams = inferParserType<typeof auditSearchParams>;

export function hasAuditFilters(params: AuditParams): boolean {
  return params.actor.length > 0 || params.owner.length > 0 || params.action !== null || params.outcome !== null || params.from !== null || params.to !== null || params.batch !== null;
}

/** `YYYY-MM-DD`: the API reads a date-only `to` as the whole of that day. */
const day = (date: Date) => date.toISOString().slice(0, 10);

/** The filters as `GET /api/orgs/{org}/audit` and its export read them (no page). */
export function auditFilterSearchParams(params: AuditParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const login of params.actor) query.append("actor", login);
  if (params.action) query.set("action", params.action);
  if (params.outcome) query.set("outcome", params.outcome);
  for (const login of params.owner) query.append("owner", login);
  if (params.from) query.set("from", day(params.from));
  if (params.to) query.set("to", day(params.to));
  if (params.batch) query.set("batch", params.batch);
  return query;
}

/** The query string of one page of `GET /api/orgs/{org}/audit`. */
export function auditApiSearchParams(params: AuditParams): URLSearchParams {
  const query = auditFilterSearchParams(params);
  query.set("page", String(params.page));
  query.set("per_page", String(params.perPage));
  return query;
}
