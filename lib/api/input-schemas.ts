import "server-only";
import { z } from "zod";
import type { AuditFilters } from "@/lib/audit/audit-filters";
import type { PageQuery } from "@/lib/github/build-list-query";
import type { ListQuery } from "@/lib/inventory/list-inventory";
import { searchParamsToObject } from "./search-params-object";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/contract/audit-record";
import { LOGIN, MAX_OWNERS, MAX_REASON_LENGTH, ORG_NAME, REPOSITORY_NAME } from "@/lib/contract/github-names";
import { isPermissionFilterValue } from "@/lib/contract/github-permissions";
import { forbiddenCharacterIn } from "@/lib/contract/owner-text";
import { LIST_STATES, SIGNAL_FILTERS, SORT_COLUMNS, type InventoryFilters } from "@/lib/contract/inventory";

/** One POST may name at most this many ids (10 bulk calls to GitHub, about 10 s of paced writes). */
export const MAX_IDS_PER_REQUEST = 1000;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const POSITIVE_INTEGER = /^[1-9][0-9]{0,15}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (what: string) => z.string().regex(UUID, `must be ${what} (a UUID)`).transform((value) => value.toLowerCase());

/**
 * Free text from an owner, at most `max` characters, under the one text rule
 * (lib/contract/owner-text: no control characters but tab and newline, no bidi overrides).
 */
const ownerText = (max: number, type = "must be text") =>
  z
    .string({ error: type })
    .max(max, `must be at most ${max} characters`)
    .superRefine((value, context) => {
      const problem = forbiddenCharacterIn(value);
      if (problem) context.addIssue({ code: "custom", message: problem });
    });

/** A zod string checked against one of GitHub's naming rules (lib/contract/github-names). */
const named = (rule: { pattern: RegExp; message: string }) => z.string().regex(rule.pattern, rule.message);

export const orgNameSchema = named(ORG_NAME);
const loginSchema = named(LOGIN);

const pathId = z
  .string()
  .regex(POSITIVE_INTEGER, "must be a positive whole number")
  .transform(Number)
  .pipe(z.number().max(Number.MAX_SAFE_INTEGER, "is too large"));

/** `[org]` segments. */
export const orgParams = z.strictObject({ org: orgNameSchema });
/** `[org]/…/[id]` segments. */
export const orgItemParams = z.strictObject({ org: orgNameSchema, id: pathId });
/** `[org]/jobs/[id]` segments. */
export const orgJobParams = z.strictObject({ org: orgNameSchema, id: uuid("a job id") });
/** `[org]/notifications/channels/[id]` segments. */
export const orgChannelParams = z.strictObject({ org: orgNameSchema, id: uuid("a channel id") });

const integerParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be a whole number from ${min} to ${max}`).max(max, `must be a whole number from ${min} to ${max}`));

/** A repeatable parameter, also accepted comma-separated: `owner=a&owner=b` or `owner=a,b`. */
const listParam = <T extends z.ZodType>(item: T, max: number, tooMany: string) =>
  z.preprocess(
    (value) =>
      [value]
        .flat()
        .flatMap((entry) => (typeof entry === "string" ? entry.split(",") : [entry]))
        .filter((entry) => entry !== ""),
    z.array(item).max(max, tooMany),
  );

const isoDate = z
  .string()
  .refine((value) => ISO_8601.test(value) && !Number.isNaN(Date.parse(value)), "must be an ISO 8601 date or time, e.g. 2025-01-31 or 2025-01-31T12:00:00Z");

const pageFields = {
  page: integerParam(1, 100_000).optional(),
  per_page: integerParam(1, 100).optional(),
};

/** `?page=&per_page=` (per_page 1–100, default 30). */
export const pageQuerySchema = z.strictObject(pageFields).transform(
  (query): PageQuery => ({ page: query.page ?? 1, perPage: query.per_page ?? 30 }),
);

const MAX_SEARCH_LENGTH = 100;
const MAX_UNUSED_DAYS = 3650;

/** The org-wide lists' filters (`GET …/requests`, `…/tokens` and their `/facets`), answered from the inventory. */
const inventoryFilterFields = {
  owner: listParam(loginSchema, MAX_OWNERS, `may name at most ${MAX_OWNERS} logins`).optional(),
  repository: named(REPOSITORY_NAME).optional(),
  permission: z.string().refine(isPermissionFilterValue, "must be a GitHub permission and level, such as issues_write or members_read").optional(),
  last_used_before: isoDate.optional(),
  last_used_after: isoDate.optional(),
  signal: listParam(
    z.enum(SIGNAL_FILTERS, { error: `must be one of ${SIGNAL_FILTERS.join(", ")}` }),
    SIGNAL_FILTERS.length,
    `may name at most ${SIGNAL_FILTERS.length} signals`,
  ).optional(),
  unused_days: integerParam(1, MAX_UNUSED_DAYS).optional(),
  q: ownerText(MAX_SEARCH_LENGTH)
    .transform((value) => value.trim())
    .optional(),
  state: z.enum(LIST_STATES, { error: `must be one of ${LIST_STATES.join(", ")}` }).optional(),
};

type RawInventoryFilters = z.output<z.ZodObject<typeof inventoryFilterFields>>;

function toInventoryFilters(query: RawInventoryFilters): InventoryFilters {
  return {
    owner: query.owner?.length ? query.owner : undefined,
    repository: query.repository,
    permission: query.permission,
    lastUsedBefore: query.last_used_before === undefined ? undefined : new Date(query.last_used_before),
    lastUsedAfter: query.last_used_after === undefined ? undefined : new Date(query.last_used_after),
    signals: query.signal?.length ? [...new Set(query.signal)] : undefined,
    unusedDays: query.unused_days,
    search: query.q || undefined,
    state: query.state,
  };
}

/** A page of an org-wide list: its filters, the sort, the page. */
export const inventoryListQuerySchema = z
  .strictObject({
    ...pageFields,
    ...inventoryFilterFields,
    sort: z.enum(SORT_COLUMNS, { error: `must be one of ${SORT_COLUMNS.join(", ")}` }).optional(),
    direction: z.enum(["asc", "desc"], { error: 'must be "asc" or "desc"' }).optional(),
  })
  .transform(
    ({ page, per_page, sort, direction, ...filters }): ListQuery => ({
      filters: toInventoryFilters(filters),
      sort: { column: sort ?? "listed", direction: direction ?? "desc" },
      page: page ?? 1,
      perPage: per_page ?? 30,
    }),
  );

/** The filters alone: what the facet counts are counted over. */
export const inventoryFacetsQuerySchema = z.strictObject(inventoryFilterFields).transform(toInventoryFilters);

const bodyId = z
  .number({ error: "must be a positive whole number" })
  .int("must be a positive whole number")
  .positive("must be a positive whole number")
  .max(Number.MAX_SAFE_INTEGER, "is too large");

const idsField = z
  .array(bodyId, { error: "must be an array of ids" })
  .min(1, "must name at least one id")
  .max(MAX_IDS_PER_REQUEST, `may name at most ${MAX_IDS_PER_REQUEST} ids per call`);

const optionalText = (name: string) =>
  ownerText(MAX_REASON_LENGTH, `${name} must be text`)
    .nullish()
    .transform((value) => value || undefined);

/** `POST …/requests/review` */
export const reviewBodySchema = z.strictObject({
  ids: idsField,
  action: z.enum(["approve", "deny"], { error: 'must be "approve" or "deny"' }),
  reason: optionalText("reason"),
});

/** `POST …/tokens/revoke`. GitHub's revoke takes no reason; the note is for Grantdesk's own audit trail. */
export const revokeBodySchema = z.strictObject({
  ids: idsField,
  note: optionalText("note"),
});

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

const auditFilterFields = {
  actor: listParam(loginSchema, MAX_OWNERS, `may name at most ${MAX_OWNERS} logins`).optional(),
  action: listParam(z.enum(AUDIT_ACTIONS, { error: 'must be "approve", "deny" or "revoke"' }), AUDIT_ACTIONS.length, `may name at most ${AUDIT_ACTIONS.length} actions`).optional(),
  outcome: listParam(z.enum(AUDIT_OUTCOMES, { error: 'must be "accepted", "inferred", "skipped", "failed" or "unknown"' }), AUDIT_OUTCOMES.length, `may name at most ${AUDIT_OUTCOMES.length} outcomes`).optional(),
  owner: listParam(loginSchema, MAX_OWNERS, `may name at most ${MAX_OWNERS} logins`).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  batch: uuid("a batch id").optional(),
  target: z
    .string()
    .regex(POSITIVE_INTEGER, "must be a positive whole number")
    .transform(Number)
    .pipe(z.number().max(Number.MAX_SAFE_INTEGER, "is too large"))
    .optional(),
};

type RawAuditFilters = z.output<z.ZodObject<typeof auditFilterFields>>;

/** `from` counts from its instant; `to` runs to the end of its day when it is a date, else to its instant. */
function toAuditFilters(query: RawAuditFilters): Omit<AuditFilters, "org"> {
  const nonEmpty = <T>(values: T[] | undefined) => (values?.length ? values : undefined);
  return {
    actor: nonEmpty(query.actor),
    action: nonEmpty(query.action),
    outcome: nonEmpty(query.outcome),
    owner: nonEmpty(query.owner),
    from: query.from === undefined ? undefined : new Date(query.from),
    before: query.to === undefined ? undefined : new Date(Date.parse(query.to) + (DATE_ONLY.test(query.to) ? DAY_MS : 1)),
    batch: query.batch?.toLowerCase(),
    target: query.target,
  };
}

/** `GET …/audit`: the trail's filters (`target` for one request's or token's history) and a page. */
export const auditQuerySchema = z
  .strictObject({ ...pageFields, ...auditFilterFields })
  .transform((query) => ({ filters: toAuditFilters(query), page: query.page ?? 1, perPage: query.per_page ?? 30 }));

/** `GET …/audit/export`: the same filters, every matching record, as CSV or JSON lines. */
export const auditExportQuerySchema = z
  .strictObject({ ...auditFilterFields, format: z.enum(["csv", "jsonl"], { error: 'must be "csv" or "jsonl"' }) })
  .transform(({ format, ...query }) => ({ filters: toAuditFilters(query), format }));

/** `POST …/jobs`: a page's selection, run as a job. */
export const jobBodySchema = z.strictObject({
  action: z.enum(AUDIT_ACTIONS, { error: 'must be "approve", "deny" or "revoke"' }),
  ids: idsField,
  reason: optionalText("reason"),
});

/**
 * `POST …/jobs/drafts`: freeze every id matching a list's filters, for confirmation. `filters` is
 * the list's own query string (`signal=expired&owner=mona`), read with the list's own schema.
 */
export const draftBodySchema = z.strictObject({
  action: z.enum(AUDIT_ACTIONS, { error: 'must be "approve", "deny" or "revoke"' }),
  filters: z
    .string({ error: "must be the list's filters as a query string" })
    .max(4_096, "are too long")
    .transform((query, context) => {
      const parsed = inventoryFacetsQuerySchema.safeParse(searchParamsToObject(new URLSearchParams(query)));
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) context.addIssue({ ...issue, path: [...issue.path] } as never);
      return z.NEVER;
    }),
});

/** `POST …/jobs/drafts/{id}/confirm`: the reason or note, and the org's name typed above 100 ids. */
export const confirmBodySchema = z.strictObject({
  reason: optionalText("reason"),
  confirm: ownerText(100).optional(),
});
