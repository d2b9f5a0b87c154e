import "server-only";
import { z } from "zod";
import type { AuditFilters } from "@/lib/audit/audit-filters";
import type { PageQuery, PatListQuery } from "@/lib/github/build-list-query";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "./contract";

/** One POST may name at most this many ids (10 bulk calls to GitHub, about 10 s of paced writes). */
export const MAX_IDS_PER_REQUEST = 1000;
export const MAX_REASON_LENGTH = 1024;
/** GitHub's limit on the `owner` filter. */
export const MAX_OWNERS = 10;

// GitHub logins: letters, digits and hyphens, not starting with a hyphen; org names stay within
// 39 characters. Enterprise managed users add `_shortcode`, hence the underscore and extra length.
const ORG_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const REPOSITORY = /^[A-Za-z0-9._-]{1,100}$/;
const PERMISSION = /^[a-z_]+_(read|write|admin)$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const POSITIVE_INTEGER = /^[1-9][0-9]{0,15}$/;

export const orgNameSchema = z
  .string()
  .regex(ORG_NAME, "must be a GitHub organization name (letters, digits and hyphens, at most 39 characters)");

const pathId = z
  .string()
  .regex(POSITIVE_INTEGER, "must be a positive whole number")
  .transform(Number)
  .pipe(z.number().max(Number.MAX_SAFE_INTEGER, "is too large"));

/** `[org]` segments. */
export const orgParams = z.strictObject({ org: orgNameSchema });
/** `[org]/…/[id]` segments. */
export const orgItemParams = z.strictObject({ org: orgNameSchema, id: pathId });

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

/** The list filters of the requests and tokens routes, passed on to GitHub. */
export const patListQuerySchema = z
  .strictObject({
    ...pageFields,
    owner: listParam(z.string().regex(LOGIN, "must be a GitHub login"), MAX_OWNERS, `may name at most ${MAX_OWNERS} logins`).optional(),
    repository: z.string().regex(REPOSITORY, "must be a repository name").optional(),
    permission: z.string().regex(PERMISSION, "must be a permission such as issues_write or members_read").optional(),
    last_used_before: isoDate.optional(),
    last_used_after: isoDate.optional(),
    direction: z.enum(["asc", "desc"], { error: 'must be "asc" or "desc"' }).optional(),
  })
  .transform(
    (query): PatListQuery => ({
      page: query.page ?? 1,
      perPage: query.per_page ?? 30,
      owner: query.owner?.length ? query.owner : undefined,
      repository: query.repository,
      permission: query.permission,
      lastUsedBefore: query.last_used_before,
      lastUsedAfter: query.last_used_after,
      direction: query.direction,
    }),
  );

const bodyId = z
  .number({ error: "must be a positive whole number" })
  .int("must be a positive whole number")
  .positive("must be a positive whole number")
  .max(Number.MAX_SAFE_INTEGER, "is too large");

const idsField = z
  .array(bodyId, { error: "must be an array of ids" })
  .min(1, "must name at least one id")
  .max(MAX_IDS_PER_REQUEST, `may name at most ${MAX_IDS_PER_REQUEST} ids per call`);

// The token id the page showed for each id, in the same order: lets the audit trail look the
// token's name and owner up on GitHub (see lib/audit/snapshot-targets.ts). Optional.
const tokenIdsField = z.array(bodyId, { error: "must be an array of token ids" }).max(MAX_IDS_PER_REQUEST).optional();

const sameLengthAsIds = (body: { ids: number[]; tokenIds?: number[] }) => body.tokenIds === undefined || body.tokenIds.length === body.ids.length;
const sameLengthMessage = { path: ["tokenIds"], message: "must give one token id for each id, in the same order" };

const optionalText = (name: string) =>
  z
    .string({ error: `${name} must be text` })
    .max(MAX_REASON_LENGTH, `must be at most ${MAX_REASON_LENGTH} characters`)
    .nullish()
    .transform((value) => value || undefined);

/** `POST …/requests/review` */
export const reviewBodySchema = z
  .strictObject({
    ids: idsField,
    action: z.enum(["approve", "deny"], { error: 'must be "approve" or "deny"' }),
    reason: optionalText("reason"),
    tokenIds: tokenIdsField,
  })
  .refine(sameLengthAsIds, sameLengthMessage);

/** `POST …/tokens/revoke`. GitHub's revoke takes no reason; the note is for Grantdesk's own audit trail. */
export const revokeBodySchema = z
  .strictObject({
    ids: idsField,
    note: optionalText("note"),
    tokenIds: tokenIdsField,
  })
  .refine(sameLengthAsIds, sameLengthMessage);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

const auditFilterFields = {
  actor: listParam(z.string().regex(LOGIN, "must be a GitHub login"), MAX_OWNERS, `may name at most ${MAX_OWNERS} logins`).optional(),
  action: listParam(z.enum(AUDIT_ACTIONS, { error: 'must be "approve", "deny" or "revoke"' }), AUDIT_ACTIONS.length, `may name at most ${AUDIT_ACTIONS.length} actions`).optional(),
  outcome: listParam(z.enum(AUDIT_OUTCOMES, { error: 'must be "accepted", "inferred", "failed" or "unknown"' }), AUDIT_OUTCOMES.length, `may name at most ${AUDIT_OUTCOMES.length} outcomes`).optional(),
  owner: listParam(z.string().regex(LOGIN, "must be a GitHub login"), MAX_OWNERS, `may name at most ${MAX_OWNERS} logins`).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  batch: z.string().regex(UUID, "must be a batch id (a UUID)").optional(),
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
