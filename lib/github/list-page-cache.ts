import "server-only";
import { LRUCache } from "lru-cache";
import type { Page } from "@/lib/contract/pat-rows";

// The last page GitHub sent for each list URL, with its ETag. Reads ask GitHub "changed since?"
// (`If-None-Match`): an unchanged page comes back as a bodiless 304, which GitHub does not count
// against the rate limit and which spares downloading, parsing and mapping the page again. Every
// read still goes to GitHub, so nothing is served that GitHub did not just confirm.

export interface CachedPage {
  etag: string;
  page: Page<unknown>;
}

/** Pages kept: at 100 rows a page, a few tens of megabytes at most. */
const MAX_PAGES = 300;
/** A page not asked for again within this long is dropped. */
const TTL_MS = 10 * 60_000;

export type ListPageCache = LRUCache<string, CachedPage>;

export function createListPageCache(): ListPageCache {
  return new LRUCache<string, CachedPage>({ max: MAX_PAGES, ttl: TTL_MS });
}
