// How a page of pending requests or active tokens crosses the wire from Grantdesk's list routes to
// the browser: one array per field ("columns") instead of one object per row, times as whole
// minutes since the epoch (the page shows them to the minute), no empty permission groups, and
// the owners' avatar URLs as one template when GitHub's follow a pattern (they always have).
// Together that is about a third of what GitHub sends for the same rows, gzip against gzip, where
// row objects with GitHub's own time strings are nearly half. Decoding gives back the rows with
// their times in UTC to the minute (`2026-11-23T22:14:00.000Z`); the server's prefetch stores rows
// that made the same round trip (`roundTripPatListPage`), so both ways to fill the table agree.

import type { Page, PatRequestRow, PatTokenRow, PermissionSet, RepositorySelection } from "./contract";

const MINUTE_MS = 60_000;
const AVATAR_ID = "{id}";

/** What requests and tokens share. */
type CommonRow = Omit<PatTokenRow, "accessGrantedAt">;

interface CommonColumns {
  id: number[];
  tokenId: number[];
  tokenName: string[];
  ownerLogin: string[];
  ownerId: number[];
  /** Only when some owner's avatar URL does not follow `avatarUrl`: that URL, or null where it does. */
  ownerAvatarUrl?: (string | null)[];
  repositorySelection: RepositorySelection[];
  /** Groups with no permission are left out. */
  permissions: Partial<PermissionSet>[];
  tokenExpired: boolean[];
  /** Minutes since 1970-01-01T00:00Z, or null. */
  tokenExpiresAt: (number | null)[];
  tokenLastUsedAt: (number | null)[];
}

export interface RequestColumns extends CommonColumns {
  reason: (string | null)[];
  createdAt: number[];
}

export interface TokenColumns extends CommonColumns {
  accessGrantedAt: number[];
}

export interface PatListWire<C extends CommonColumns> extends Omit<Page<never>, "items"> {
  /** The owners' avatar URL with `{id}` for the owner's id; null when the page has no rows. */
  avatarUrl: string | null;
  rows: number;
  columns: C;
}

export type RequestListWire = PatListWire<RequestColumns>;
export type TokenListWire = PatListWire<TokenColumns>;

/**
 * Pages already encoded, by identity: the server answers an unchanged page (GitHub's 304) with the
 * very page object it read before, so it is encoded once. Pages are never changed after reading.
 */
const encoded = new WeakMap<object, unknown>();

function remembered<P extends object, W>(page: P, encode: (page: P) => W): W {
  if (encoded.has(page)) return encoded.get(page) as W;
  const wire = encode(page);
  encoded.set(page, wire);
  return wire;
}

export function encodeRequestListPage(page: Page<PatRequestRow>): RequestListWire {
  return remembered(page, ({ items }) =>
    encodeCommon<RequestColumns>(page, {
      reason: items.map((row) => row.reason),
      createdAt: items.map((row) => toEpochMinutes(row.createdAt)),
    }),
  );
}

export function encodeTokenListPage(page: Page<PatTokenRow>): TokenListWire {
  return remembered(page, ({ items }) => encodeCommon<TokenColumns>(page, { accessGrantedAt: items.map((row) => toEpochMinutes(row.accessGrantedAt)) }));
}

export function decodeRequestListPage(wire: RequestListWire): Page<PatRequestRow> {
  const { columns } = wire;
  return decodeCommon(wire, (index) => ({
    reason: at(columns.reason, index),
    createdAt: fromEpochMinutes(at(columns.createdAt, index)),
  }));
}

export function decodeTokenListPage(wire: TokenListWire): Page<PatTokenRow> {
  const { columns } = wire;
  return decodeCommon(wire, (index) => ({ accessGrantedAt: fromEpochMinutes(at(columns.accessGrantedAt, index)) }));
}

/** Either list's page back into rows, by the route it came from. */
export function decodePatListPage(resource: "requests", wire: unknown): Page<PatRequestRow>;
export function decodePatListPage(resource: "tokens", wire: unknown): Page<PatTokenRow>;
export function decodePatListPage(resource: "requests" | "tokens", wire: unknown): Page<PatRequestRow> | Page<PatTokenRow>;
export function decodePatListPage(resource: "requests" | "tokens", wire: unknown): Page<PatRequestRow> | Page<PatTokenRow> {
  return resource === "requests" ? decodeRequestListPage(wire as RequestListWire) : decodeTokenListPage(wire as TokenListWire);
}

/** A page as the browser reads it from the route: what the server's prefetch stores for it. */
export function roundTripPatListPage(resource: "requests", page: Page<PatRequestRow>): Page<PatRequestRow>;
export function roundTripPatListPage(resource: "tokens", page: Page<PatTokenRow>): Page<PatTokenRow>;
export function roundTripPatListPage(resource: "requests" | "tokens", page: Page<PatRequestRow> | Page<PatTokenRow>) {
  return resource === "requests"
    ? decodeRequestListPage(encodeRequestListPage(page as Page<PatRequestRow>))
    : decodeTokenListPage(encodeTokenListPage(page as Page<PatTokenRow>));
}

function encodeCommon<C extends CommonColumns>(page: Page<CommonRow>, own: Omit<C, keyof CommonColumns>): PatListWire<C> {
  const { items, page: pageNumber, perPage, hasNextPage, lastPage } = page;
  const avatarUrl = avatarTemplate(items);
  const columns: CommonColumns = {
    id: items.map((row) => row.id),
    tokenId: items.map((row) => row.tokenId),
    tokenName: items.map((row) => row.tokenName),
    ownerLogin: items.map((row) => row.owner.login),
    ownerId: items.map((row) => row.owner.id),
    repositorySelection: items.map((row) => row.repositorySelection),
    permissions: items.map((row) => withoutEmptyGroups(row.permissions)),
    tokenExpired: items.map((row) => row.tokenExpired),
    tokenExpiresAt: items.map((row) => toEpochMinutesOrNull(row.tokenExpiresAt)),
    tokenLastUsedAt: items.map((row) => toEpochMinutesOrNull(row.tokenLastUsedAt)),
  };
  const exceptions = items.map((row) => (avatarUrl !== null && row.owner.avatarUrl === fillAvatar(avatarUrl, row.owner.id) ? null : row.owner.avatarUrl));
  if (exceptions.some((url) => url !== null)) columns.ownerAvatarUrl = exceptions;
  return { page: pageNumber, perPage, hasNextPage, lastPage, avatarUrl, rows: items.length, columns: { ...columns, ...own } as C };
}

function decodeCommon<C extends CommonColumns, Own>(wire: PatListWire<C>, decodeOwn: (index: number) => Own): Page<CommonRow & Own> {
  const { columns, avatarUrl, rows, page, perPage, hasNextPage, lastPage } = wire;
  const items = Array.from({ length: rows }, (_, index) => {
    const ownerId = at(columns.ownerId, index);
    return {
      id: at(columns.id, index),
      tokenId: at(columns.tokenId, index),
      tokenName: at(columns.tokenName, index),
      owner: {
        login: at(columns.ownerLogin, index),
        id: ownerId,
        avatarUrl: columns.ownerAvatarUrl?.[index] ?? (avatarUrl === null ? "" : fillAvatar(avatarUrl, ownerId)),
      },
      repositorySelection: at(columns.repositorySelection, index),
      permissions: withAllGroups(at(columns.permissions, index)),
      tokenExpired: at(columns.tokenExpired, index),
      tokenExpiresAt: fromEpochMinutesOrNull(at(columns.tokenExpiresAt, index)),
      tokenLastUsedAt: fromEpochMinutesOrNull(at(columns.tokenLastUsedAt, index)),
      ...decodeOwn(index),
    };
  });
  return { items, page, perPage, hasNextPage, lastPage };
}

/**
 * The first owner's avatar URL with its id made a placeholder (`…/u/{id}?v=4`); null without rows
 * or when the URL does not hold the id. Rows whose URL differs from the template carry their own
 * (`ownerAvatarUrl`), so nothing is guessed.
 */
function avatarTemplate(items: CommonRow[]): string | null {
  const first = items[0]?.owner;
  if (!first) return null;
  const id = String(first.id);
  const position = first.avatarUrl.lastIndexOf(id);
  if (position < 0 || first.avatarUrl.includes(AVATAR_ID)) return null;
  return first.avatarUrl.slice(0, position) + AVATAR_ID + first.avatarUrl.slice(position + id.length);
}

function fillAvatar(template: string, id: number): string {
  return template.replace(AVATAR_ID, String(id));
}

function withoutEmptyGroups(permissions: PermissionSet): Partial<PermissionSet> {
  const kept: Partial<PermissionSet> = {};
  for (const group of ["organization", "repository", "other"] as const) {
    if (Object.keys(permissions[group]).length > 0) kept[group] = permissions[group];
  }
  return kept;
}

function withAllGroups(permissions: Partial<PermissionSet>): PermissionSet {
  return { organization: permissions.organization ?? {}, repository: permissions.repository ?? {}, other: permissions.other ?? {} };
}

function toEpochMinutes(iso: string): number {
  return Math.floor(Date.parse(iso) / MINUTE_MS);
}

function toEpochMinutesOrNull(iso: string | null): number | null {
  return iso === null ? null : toEpochMinutes(iso);
}

function fromEpochMinutes(minutes: number): string {
  return new Date(minutes * MINUTE_MS).toISOString();
}

function fromEpochMinutesOrNull(minutes: number | null): string | null {
  return minutes === null ? null : fromEpochMinutes(minutes);
}

/** A column's value for a row; a column shorter than `rows` is a broken answer, not a blank cell. */
function at<T>(column: T[], index: number): T {
  if (index >= column.length) throw new Error(`The list's answer is incomplete: a column has ${column.length} of its rows.`);
  return column[index]!;
}
