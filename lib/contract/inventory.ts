// The org-wide lists (answered from Grantdesk's inventory of each org): their filters, sorts,
// counts and freshness, as the API routes take and answer them.

import type { Page, PatResource } from "./pat-rows";

/** Hygiene signals GitHub cannot filter by, as org-wide filters. */
export const SIGNAL_FILTERS = ["expired", "expiring-7", "expiring-30", "no-expiry", "never-used", "elevated", "all-repositories"] as const;
export type SignalFilter = (typeof SIGNAL_FILTERS)[number];

/** What a list shows: what GitHub lists now (default), what it no longer lists, or both. */
export const LIST_STATES = ["active", "gone", "all"] as const;
export type ListState = (typeof LIST_STATES)[number];

export const SORT_COLUMNS = ["listed", "expires", "last-used", "owner"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** The filters of an org-wide list, as the API parses them. */
export interface InventoryFilters {
  owner?: string[];
  repository?: string;
  permission?: string;
  lastUsedBefore?: Date;
  lastUsedAfter?: Date;
  /** Every one must hold. */
  signals?: SignalFilter[];
  /** Last used more than this many days ago (never-used tokens are "never used", not this). */
  unusedDays?: number;
  /** Words in the token's name, the owner's login or the reason. */
  search?: string;
  state?: ListState;
}

export interface InventorySort {
  column: SortColumn;
  direction: "asc" | "desc";
}

/** A page of an org-wide list, with the exact number of matches. */
export interface CountedPage<T> extends Page<T> {
  total: number;
}

/** `GET …/requests/facets`, `…/tokens/facets`: how many of the current matches have each signal, and the owners holding most. */
export interface ListFacets {
  total: number;
  signals: Record<SignalFilter, number>;
  /** Last used more than 90 days ago (the "Unused for 90 days" filter). */
  unusedFor90Days: number;
  owners: { login: string; count: number }[];
}

export type SyncKind = PatResource;

/** How fresh the inventory of one list is (`GET /api/orgs/{org}/inventory`). */
export interface ListSyncStatus {
  kind: SyncKind;
  /** A sync is reading GitHub now (on this or another instance). */
  running: boolean;
  pagesDone: number;
  /** Null until GitHub's first page says how many there are. */
  pagesTotal: number | null;
  /** The end of the last sync that read the whole list; null before the first. */
  lastSuccessAt: string | null;
  /** When a sync last found the list changed; null before the first. Open pages re-read the list then. */
  changedAt: string | null;
  /** The last sync failed: GitHub's reason. Cleared by the next success. */
  error: { code: string; message: string; at: string } | null;
  /** Older than twice its interval: the owner is told the list may be out of date. */
  stale: boolean;
  /** GitHub calls the last sync made, and how many were 304s (cost no rate limit). */
  calls: number;
  notModified: number;
}

export interface InventoryStatus {
  org: string;
  requests: ListSyncStatus;
  tokens: ListSyncStatus;
}

/** A count with the part of the org it describes, for the overview's charts. */
export interface Bucket {
  label: string;
  count: number;
}

/** One org at a glance (`GET /api/orgs/{org}/overview`): every number links to the filtered table. */
export interface OrgOverview {
  org: string;
  pendingRequests: number;
  /** When the oldest pending request was made; null when none is pending. */
  oldestPendingAt: string | null;
  activeTokens: number;
  expired: number;
  expiringWithin7Days: number;
  noExpiry: number;
  neverUsed: number;
  unusedFor90Days: number;
  elevated: number;
  allRepositories: number;
  /** Active tokens by when they expire: expired, within 7 days, … , never. */
  byExpiry: Bucket[];
  /** Active tokens by when they were last used: within 7 days, … , never. */
  byLastUse: Bucket[];
  /** The end of the last complete sync of each list; null before the first. */
  syncedAt: { requests: string | null; tokens: string | null };
}
