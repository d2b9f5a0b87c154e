import "server-only";
import { LRUCache } from "lru-cache";
import type { Page } from "@/lib/api/contract";

// The last page GitHub sent for each list URL, with its ETag. Reads ask GitHub "changed since?"
// (`If-None-Match`): an unchanged page comes back as a bodiless 304, which GitHub does not count
// against the rate limit and which spares downloading, parsing and mapping the page again. Every
// read still goes to GitHub, so nothing is served that GitHub did not just confirm.

export interface CachedPage {
  etag: string;
  page: Page<unknown>;
  /** Length of GitHub's JSON for the page: what the cache's bound counts. */
  bytes: number;
}

/** Bytes of GitHub's JSON the cache may stand for: about 50 full pages of 100 rows. */
const MAX_BYTES = 8 * 1024 * 1024;
/** A page not asked for again within this long is dropped. */
const TTL_MS = 10 * 60_000;

export type ListPageCache = LRUCache<string, CachedPage>;

export function createListPageCache(): ListPageCache {
  return new LRUCache<string, CachedPage>({ maxSize: MAX_BYTES, sizeCalculation: (entry) => Math.max(1, entry.bytes), ttl: TTL_MS });
}
