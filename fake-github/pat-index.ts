// The indexed collection behind both list endpoints. Records are kept in id order, which is also
// creation order (ids only grow), so `sort=created_at` needs no per-request sort: a page is one
// pass over the smallest candidate list an index gives, in either direction.

import type { PermissionSet } from "./permissions";

export type RepositorySelection = "none" | "all" | "subset";

export interface PatRecordBase {
  id: number;
  tokenId: number;
  tokenName: string;
  ownerId: number;
  permissions: PermissionSet;
  repositorySelection: RepositorySelection;
  /** For `subset`: the repositories, ordered by name. Empty otherwise. */
  repositoryIds: number[];
  /** Epoch milliseconds, or null when the token never expires. */
  tokenExpiresAt: number | null;
  /** Epoch milliseconds, or null when the token was never used. */
  tokenLastUsedAt: number | null;
}

export interface PatFilters {
  /** Owner user ids; an empty array matches nothing (every login given was unknown). */
  ownerIds?: number[];
  /** A repository id; -1 when the name given is not a repository of the org. */
  repositoryId?: number;
  /** `name_level`, e.g. `issues_write`; matches that exact level. */
  permission?: { name: string; level: string; key: string };
  lastUsedBefore?: number;
  lastUsedAfter?: number;
  tokenIds?: number[];
  direction: "asc" | "desc";
}

export interface PageSlice<T> {
  total: number;
  items: T[];
}

function pushTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function unionById<T extends { id: number }>(lists: T[][]): T[] {
  if (lists.length === 1) return lists[0]!;
  const seen = new Set<number>();
  const merged: T[] = [];
  for (const list of lists) {
    for (const item of list) {
      if (!seen.has(item.id)) {
        seen.add(item.id);
        merged.push(item);
      }
    }
  }
  // Bounded by ≤ 10 owners' or ≤ 50 token ids' records, never the whole org.
  return merged.sort((a, b) => a.id - b.id);
}

function mergeById<T extends { id: number }>(a: T[], b: T[]): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.id < b[j]!.id)) merged.push(a[i++]!);
    else merged.push(b[j++]!);
  }
  return merged;
}

function hasPermission(set: PermissionSet, name: string, level: string): boolean {
  return set.repository[name] === level || set.organization[name] === level || set.other[name] === level;
}

function isUnfiltered(filters: PatFilters): boolean {
  const { ownerIds, repositoryId, permission, lastUsedBefore, lastUsedAfter, tokenIds } = filters;
  return [ownerIds, repositoryId, permission, lastUsedBefore, lastUsedAfter, tokenIds].every((value) => value === undefined);
}

export class PatIndex<T extends PatRecordBase> {
  private readonly items: T[] = [];
  private readonly byId = new Map<number, T>();
  private readonly byOwner = new Map<number, T[]>();
  private readonly byTokenId = new Map<number, T[]>();
  private readonly byPermission = new Map<string, T[]>();
  private readonly byRepository = new Map<number, T[]>();
  private readonly allRepositories: T[] = [];
  /** Bumped by every add and by `touch()`; the unfiltered live list is rebuilt when it moved. */
  private revision = 0;
  private liveCache: { revision: number; items: T[] } | null = null;

  constructor(private readonly isLive: (item: T) => boolean) {}

  /** Says a record's liveness changed (a review, a revoke), so cached answers are stale. */
  touch(): void {
    this.revision++;
  }

  add(item: T): void {
    this.revision++;
    const last = this.items[this.items.length - 1];
    if (last && last.id >= item.id) throw new Error(`ids must grow: ${item.id} after ${last.id}`);
    this.items.push(item);
    this.byId.set(item.id, item);
    pushTo(this.byOwner, item.ownerId, item);
    pushTo(this.byTokenId, item.tokenId, item);
    for (const map of [item.permissions.organization, item.permissions.repository, item.permissions.other]) {
      for (const [name, level] of Object.entries(map)) pushTo(this.byPermission, `${name}_${level}`, item);
    }
    if (item.repositorySelection === "all") this.allRepositories.push(item);
    else if (item.repositorySelection === "subset") {
      for (const repositoryId of item.repositoryIds) pushTo(this.byRepository, repositoryId, item);
    }
  }

  get(id: number): T | undefined {
    return this.byId.get(id);
  }

  all(): readonly T[] {
    return this.items;
  }

  /** The records matching `filters`, live ones only, `offset`/`limit` in the requested order. */
  page(filters: PatFilters, offset: number, limit: number): PageSlice<T> {
    if (isUnfiltered(filters)) return this.unfilteredPage(filters.direction, offset, limit);
    const candidates = this.candidates(filters);
    const matches = this.predicate(filters);
    const items: T[] = [];
    let total = 0;
    const step = filters.direction === "asc" ? 1 : -1;
    for (let i = step === 1 ? 0 : candidates.length - 1; i >= 0 && i < candidates.length; i += step) {
      const item = candidates[i]!;
      if (!matches(item)) continue;
      if (total >= offset && items.length < limit) items.push(item);
      total++;
    }
    return { total, items };
  }

  /**
   * The common case (an inventory walk: no filter, page after page) without a pass over every
   * record per page: the live records are listed once per revision and sliced.
   */
  private unfilteredPage(direction: "asc" | "desc", offset: number, limit: number): PageSlice<T> {
    if (this.liveCache?.revision !== this.revision) this.liveCache = { revision: this.revision, items: this.items.filter(this.isLive) };
    const live = this.liveCache.items;
    const total = live.length;
    if (direction === "asc") return { total, items: live.slice(offset, offset + limit) };
    const end = Math.max(0, total - offset);
    return { total, items: live.slice(Math.max(0, end - limit), end).reverse() };
  }

  /** The smallest id-ordered list that holds every match. */
  private candidates(filters: PatFilters): T[] {
    const lists: T[][] = [];
    if (filters.ownerIds) lists.push(unionById(filters.ownerIds.map((id) => this.byOwner.get(id) ?? [])));
    if (filters.tokenIds) lists.push(unionById(filters.tokenIds.map((id) => this.byTokenId.get(id) ?? [])));
    if (filters.permission) lists.push(this.byPermission.get(filters.permission.key) ?? []);
    if (filters.repositoryId !== undefined) {
      lists.push(filters.repositoryId < 0 ? [] : mergeById(this.byRepository.get(filters.repositoryId) ?? [], this.allRepositories));
    }
    if (lists.length === 0) return this.items;
    return lists.reduce((smallest, list) => (list.length < smallest.length ? list : smallest));
  }

  private predicate(filters: PatFilters): (item: T) => boolean {
    const owners = filters.ownerIds ? new Set(filters.ownerIds) : null;
    const tokenIds = filters.tokenIds ? new Set(filters.tokenIds) : null;
    const { permission, repositoryId, lastUsedBefore, lastUsedAfter } = filters;
    return (item) => {
      if (!this.isLive(item)) return false;
      if (owners && !owners.has(item.ownerId)) return false;
      if (tokenIds && !tokenIds.has(item.tokenId)) return false;
      if (permission && !hasPermission(item.permissions, permission.name, permission.level)) return false;
      if (repositoryId !== undefined) {
        if (item.repositorySelection === "none") return false;
        if (item.repositorySelection === "subset" && !item.repositoryIds.includes(repositoryId)) return false;
      }
      if (lastUsedBefore !== undefined && (item.tokenLastUsedAt === null || item.tokenLastUsedAt >= lastUsedBefore)) return false;
      if (lastUsedAfter !== undefined && (item.tokenLastUsedAt === null || item.tokenLastUsedAt <= lastUsedAfter)) return false;
      return true;
    };
  }
}
