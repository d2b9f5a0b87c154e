// The eight fine-grained PAT endpoints. Requests and tokens share one implementation; they differ
// in records, permission and write semantics. Every route is also served under
// `/organizations/{org_id}/…`, where `repositories_url` points.
//
// Refusals (GitHub documents 404 and 422 without saying which case gets which):
// - single review/revoke of an unknown id → 404; of a request already reviewed or a token already
//   revoked → 422 with an `unprocessable` error naming the id.
// - bulk calls are checked whole before the 202: any unknown or already-processed id → 422 for
//   the whole call, listing each offending id with its index, and nothing is applied.
// - repositories of a request no longer pending or a revoked token → 404.
// Reviews send `personal_access_token_request` webhooks (approved/denied) with the caller as
// sender: the app's bot for an installation token, the person for a user access token.

import { Hono, type Context } from "hono";
import type { Principal } from "../auth";
import { reviewPatRequest, type Actor } from "../changes";
import { sendJsonWithEtag } from "../conditional";
import { checkOrgAccess } from "../org-access";
import { DOCS, githubError, notFound, sendJson, validationFailed, type FieldError } from "../github-errors";
import { ARRAY_FILTERS, parseListQuery } from "../list-query";
import { linkHeader, linkQueryPairs, parsePageParams } from "../pagination";
import type { PatIndex, PatRecordBase } from "../pat-index";
import { parseBulkReviewBody, parseBulkRevokeBody, parseReviewBody, parseRevokeBody } from "../pat-bodies";
import { minimalRepository, patGrantJson, patRequestJson } from "../render";
import { readJsonObject, type JsonObject } from "../request-body";
import type { FakeEnv, FakeState } from "../state";
import { revokeGrant, type Org, type PatGrant, type PatRequest, type World } from "../world";

type Apply<T> = (state: FakeState, org: Org, record: T, actor: Actor) => void;
type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

interface ResourceSpec<T extends PatRecordBase> {
  segment: "personal-access-token-requests" | "personal-access-tokens";
  resource: string;
  permission: string;
  idParam: string;
  docs: { list: string; bulk: string; one: string; repositories: string };
  index(org: Org): PatIndex<T>;
  isLive(record: T): boolean;
  render(origin: string, world: World, org: Org, record: T, now: number): unknown;
  parseBulk(body: JsonObject, resource: string): Parsed<{ ids: number[]; apply: Apply<T> }>;
  parseOne(body: JsonObject, resource: string): Parsed<Apply<T>>;
  idsField: string;
  /** Why a record that is no longer live cannot be processed again. */
  processed(record: T): string;
}

const requestsSpec: ResourceSpec<PatRequest> = {
  segment: "personal-access-token-requests",
  resource: "PersonalAccessTokenRequest",
  permission: "organization_personal_access_token_requests",
  idParam: "pat_request_id",
  docs: { list: DOCS.listRequests, bulk: DOCS.reviewRequests, one: DOCS.reviewRequest, repositories: DOCS.requestRepositories },
  index: (org) => org.requests,
  isLive: (request) => request.status === "pending",
  render: patRequestJson,
  parseBulk(body, resource) {
    const parsed = parseBulkReviewBody(body, resource);
    if (!parsed.ok) return parsed;
    const { ids, action, reason } = parsed.value;
    return { ok: true, value: { ids, apply: (state, org, request, actor) => reviewPatRequest(state, org, request, action, reason, actor) } };
  },
  parseOne(body, resource) {
    const parsed = parseReviewBody(body, resource);
    if (!parsed.ok) return parsed;
    const { action, reason } = parsed.value;
    return { ok: true, value: (state, org, request, actor) => reviewPatRequest(state, org, request, action, reason, actor) };
  },
  idsField: "pat_request_ids",
  processed: (request) => `Request ${request.id} has already been ${request.status}`,
};

const revokeNow: Apply<PatGrant> = (_state, org, grant) => {
  revokeGrant(org, grant, Date.now());
};

/** Who acts when this caller writes (callers get this far only as an installation or a user). */
function actorOf(principal: Principal): Actor {
  if (principal.kind === "user") return { kind: "user", userId: principal.userId };
  if (principal.kind === "installation") return { kind: "app", appId: principal.appId };
  throw new Error(`no actor for a ${principal.kind} caller`);
}

const tokensSpec: ResourceSpec<PatGrant> = {
  segment: "personal-access-tokens",
  resource: "PersonalAccessToken",
  permission: "organization_personal_access_tokens",
  idParam: "pat_id",
  docs: { list: DOCS.listTokens, bulk: DOCS.revokeTokens, one: DOCS.revokeToken, repositories: DOCS.tokenRepositories },
  index: (org) => org.grants,
  isLive: (grant) => grant.status === "active",
  render: patGrantJson,
  parseBulk(body, resource) {
    const parsed = parseBulkRevokeBody(body, resource);
    if (!parsed.ok) return parsed;
    return { ok: true, value: { ids: parsed.value.ids, apply: revokeNow } };
  },
  parseOne(body, resource) {
    const parsed = parseRevokeBody(body, resource);
    return parsed.ok ? { ok: true, value: revokeNow } : parsed;
  },
  idsField: "pat_ids",
  processed: (grant) => `Token ${grant.id} has already been revoked`,
};

export function patRoutes(state: FakeState): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>();

  const orgByLogin = (c: Context<FakeEnv>) => state.world.orgByLogin.get(c.req.param("org")!.toLowerCase());
  const orgById = (c: Context<FakeEnv>) => {
    const id = c.req.param("org")!;
    return /^\d+$/.test(id) ? state.world.orgById.get(Number(id)) : undefined;
  };

  for (const [prefix, findOrg] of [["/orgs/:org", orgByLogin], ["/organizations/:org", orgById]] as const) {
    mount(app, state, prefix, findOrg, requestsSpec);
    mount(app, state, prefix, findOrg, tokensSpec);
  }
  return app;
}

function mount<T extends PatRecordBase>(
  app: Hono<FakeEnv>,
  state: FakeState,
  prefix: string,
  findOrg: (c: Context<FakeEnv>) => Org | undefined,
  spec: ResourceSpec<T>,
): void {
  const base = `${prefix}/${spec.segment}`;

  /** The org when the caller may use it with `level`, else the refusal to send. */
  const authorize = (c: Context<FakeEnv>, level: "read" | "write", documentationUrl: string): Org | Response => {
    const org = findOrg(c);
    const refusal = checkOrgAccess(c.get("principal"), state.world, org, { permission: spec.permission, level, userRole: "owner" });
    if (refusal) return githubError(c, refusal.status, refusal.message, documentationUrl);
    return org!;
  };

  app.get(base, (c) => {
    const org = authorize(c, "read", spec.docs.list);
    if (org instanceof Response) return org;
    const url = new URL(c.req.url);
    const query = parseListQuery(url.searchParams, state.world, org, spec.resource);
    if (!query.ok) return validationFailed(c, query.errors, spec.docs.list);
    const { page, perPage } = query.page;
    const slice = spec.index(org).page(query.filters, (page - 1) * perPage, perPage);
    const now = Date.now();
    const link = linkHeader(`${url.origin}${url.pathname}`, linkQueryPairs(url.searchParams, ARRAY_FILTERS), page, perPage, slice.total);
    const items = slice.items.map((record) => spec.render(url.origin, state.world, org, record, now));
    return sendJsonWithEtag(c, items, link ? { link } : {});
  });

  app.post(base, async (c) => {
    const org = authorize(c, "write", spec.docs.bulk);
    if (org instanceof Response) return org;
    const read = await readJsonObject(c, spec.docs.bulk);
    if ("response" in read) return read.response;
    const parsed = spec.parseBulk(read.body, spec.resource);
    if (!parsed.ok) return validationFailed(c, parsed.errors, spec.docs.bulk);
    const { ids, apply } = parsed.value;
    const index = spec.index(org);
    const errors: FieldError[] = [];
    ids.forEach((id, i) => {
      const record = index.get(id);
      if (!record) errors.push({ resource: spec.resource, field: spec.idsField, code: "invalid", message: `No ${spec.idParam} ${id} in ${org.login}`, index: i, value: id });
      else if (!spec.isLive(record)) errors.push({ resource: spec.resource, field: spec.idsField, code: "unprocessable", message: spec.processed(record), index: i, value: id });
    });
    if (errors.length > 0) return validationFailed(c, errors, spec.docs.bulk);
    const world = state.world;
    const actor = actorOf(c.get("principal"));
    state.later(() => {
      // A reset in between rebuilt the world; this work belonged to the old one.
      if (state.world !== world) return;
      for (const id of ids) apply(state, org, index.get(id)!, actor);
    });
    return sendJson(c, {}, 202);
  });

  app.post(`${base}/:id{[0-9]+}`, async (c) => {
    const org = authorize(c, "write", spec.docs.one);
    if (org instanceof Response) return org;
    const record = spec.index(org).get(Number(c.req.param("id")));
    if (!record) return notFound(c, spec.docs.one);
    const read = await readJsonObject(c, spec.docs.one);
    if ("response" in read) return read.response;
    const parsed = spec.parseOne(read.body, spec.resource);
    if (!parsed.ok) return validationFailed(c, parsed.errors, spec.docs.one);
    if (!spec.isLive(record)) {
      return validationFailed(c, [{ resource: spec.resource, field: spec.idParam, code: "unprocessable", message: spec.processed(record), value: record.id }], spec.docs.one);
    }
    parsed.value(state, org, record, actorOf(c.get("principal")));
    return c.body(null, 204);
  });

  app.get(`${base}/:id{[0-9]+}/repositories`, (c) => {
    const org = authorize(c, "read", spec.docs.repositories);
    if (org instanceof Response) return org;
    const record = spec.index(org).get(Number(c.req.param("id")));
    if (!record || !spec.isLive(record)) return notFound(c, spec.docs.repositories);
    const url = new URL(c.req.url);
    const { page, perPage } = parsePageParams(url.searchParams);
    // Only `subset` selections list repositories; GitHub says not to follow the URL otherwise.
    const ids = record.repositorySelection === "subset" ? record.repositoryIds : [];
    const items = ids.slice((page - 1) * perPage, page * perPage).map((id) => minimalRepository(url.origin, org, org.repositoryById.get(id)!));
    const link = linkHeader(`${url.origin}${url.pathname}`, linkQueryPairs(url.searchParams, []), page, perPage, ids.length);
    return sendJsonWithEtag(c, items, link ? { link } : {});
  });
}
