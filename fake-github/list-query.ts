// Parses the filters of the two PAT list endpoints. Decisions (GitHub documents the parameters,
// not every edge):
// - `owner` arrives as `owner[]=a&owner[]=b` (GitHub's form), repeated `owner=`, or `owner=a,b`
//   (octokit's serializer); all are accepted. More than 10 → 422. Unknown logins match nothing.
// - `token_id` likewise; more than 50, or a value that is not an integer → 422.
// - `repository` is a repository name in the org; it matches `subset` tokens that include it and
//   `all` tokens (they reach it too); an unknown name matches nothing.
// - `permission` is `name_level` with a GitHub permission name and a level it accepts
//   (`issues_write`, `members_read`, `organization_projects_admin`); it matches that exact level
//   in any of the organization/repository/other maps. Anything else → 422.
// - `last_used_before`/`last_used_after` take ISO 8601 (a date, or a date-time with `Z` or an
//   offset); both are strict (<, >) and never match never-used tokens. Unparsable → 422.
// - `sort` other than `created_at`, or `direction` other than asc/desc → 422.

import type { FieldError } from "./github-errors";
import type { PatFilters } from "./pat-index";
import { parsePageParams, type PageParams } from "./pagination";
import { parsePermissionFilter } from "./permissions";
import type { Org, World } from "./world";

export const MAX_OWNERS = 10;
export const MAX_TOKEN_IDS = 50;
export const ARRAY_FILTERS = ["owner", "token_id"] as const;

export type ListQuery = { ok: true; filters: PatFilters; page: PageParams } | { ok: false; errors: FieldError[] };

function arrayValues(query: URLSearchParams, key: string): string[] {
  return [...query.getAll(key), ...query.getAll(`${key}[]`)]
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
}

function lastValue(query: URLSearchParams, key: string): string | undefined {
  const value = query.getAll(key).at(-1);
  return value === undefined || value === "" ? undefined : value;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Epoch milliseconds, or null when `value` is not ISO 8601. A date-time without a zone is UTC. */
export function parseIsoDate(value: string): number | null {
  const match = ISO_8601.exec(value);
  if (!match) return null;
  const withZone = value.includes("T") && match[1] === undefined ? `${value}Z` : value;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : ms;
}

export function parseListQuery(query: URLSearchParams, world: World, org: Org, resource: string): ListQuery {
  const errors: FieldError[] = [];
  const filters: PatFilters = { direction: "desc" };

  const owners = arrayValues(query, "owner");
  if (owners.length > MAX_OWNERS) {
    errors.push({ resource, field: "owner", code: "invalid", message: `owner can contain at most ${MAX_OWNERS} usernames, got ${owners.length}` });
  } else if (owners.length > 0) {
    filters.ownerIds = owners.flatMap((login) => {
      const user = world.userByLogin.get(login.toLowerCase());
      return user ? [user.id] : [];
    });
  }

  const tokenIds = arrayValues(query, "token_id");
  if (tokenIds.length > MAX_TOKEN_IDS) {
    errors.push({ resource, field: "token_id", code: "invalid", message: `token_id can contain at most ${MAX_TOKEN_IDS} ids, got ${tokenIds.length}` });
  } else if (tokenIds.length > 0) {
    const bad = tokenIds.find((id) => !/^\d+$/.test(id));
    if (bad !== undefined) errors.push({ resource, field: "token_id", code: "invalid", message: "token_id must contain integers", value: bad });
    else filters.tokenIds = tokenIds.map(Number);
  }

  const repository = lastValue(query, "repository");
  if (repository !== undefined) filters.repositoryId = org.repositoryByName.get(repository.toLowerCase())?.id ?? -1;

  const permission = lastValue(query, "permission");
  if (permission !== undefined) {
    const parsed = parsePermissionFilter(permission);
    if (!parsed) {
      errors.push({ resource, field: "permission", code: "invalid", message: "permission must be a permission name and level, such as issues_write", value: permission });
    } else {
      filters.permission = { name: parsed.name, level: parsed.level, key: permission };
    }
  }

  for (const field of ["last_used_before", "last_used_after"] as const) {
    const value = lastValue(query, field);
    if (value === undefined) continue;
    const ms = parseIsoDate(value);
    if (ms === null) {
      errors.push({ resource, field, code: "invalid", message: `${field} must be an ISO 8601 timestamp (YYYY-MM-DDTHH:MM:SSZ)`, value });
    } else if (field === "last_used_before") filters.lastUsedBefore = ms;
    else filters.lastUsedAfter = ms;
  }

  const sort = lastValue(query, "sort");
  if (sort !== undefined && sort !== "created_at") {
    errors.push({ resource, field: "sort", code: "invalid", message: "sort must be created_at", value: sort });
  }
  const direction = lastValue(query, "direction");
  if (direction !== undefined) {
    if (direction === "asc" || direction === "desc") filters.direction = direction;
    else errors.push({ resource, field: "direction", code: "invalid", message: "direction must be asc or desc", value: direction });
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, filters, page: parsePageParams(query) };
}
