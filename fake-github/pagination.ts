// `page` / `per_page` and GitHub's `Link` header. Like GitHub, fake-github clamps `per_page`
// above 100 to 100 and falls back to the defaults (30, page 1) for values that are not positive
// integers, rather than refusing the request.

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

export interface PageParams {
  page: number;
  perPage: number;
}

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= 1 && Number.isSafeInteger(n) ? n : null;
}

export function parsePageParams(query: URLSearchParams): PageParams {
  return {
    page: positiveInt(query.get("page")) ?? 1,
    perPage: Math.min(MAX_PER_PAGE, positiveInt(query.get("per_page")) ?? DEFAULT_PER_PAGE),
  };
}

/**
 * The query a Link URL carries: every parameter the client sent, in order, except `page`, with
 * array filters normalised to one `key[]=value` pair per value (also when sent as `key=a,b` or a
 * repeated `key=`), as GitHub expects them.
 */
export function linkQueryPairs(query: URLSearchParams, arrayKeys: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  const emitted = new Set<string>();
  for (const [rawKey] of query) {
    const key = rawKey.endsWith("[]") ? rawKey.slice(0, -2) : rawKey;
    if (key === "page") continue;
    if (arrayKeys.includes(key)) {
      if (emitted.has(key)) continue;
      emitted.add(key);
      const values = [...query.getAll(key), ...query.getAll(`${key}[]`)].flatMap((value) => value.split(","));
      for (const value of values) if (value.trim() !== "") pairs.push([`${key}[]`, value.trim()]);
    } else if (!emitted.has(rawKey)) {
      emitted.add(rawKey);
      pairs.push([rawKey, query.getAll(rawKey).at(-1)!]);
    }
  }
  return pairs;
}

function pageUrl(base: string, pairs: [string, string][], page: number): string {
  const query = [...pairs, ["page", String(page)] as [string, string]]
    .map(([key, value]) => `${key.endsWith("[]") ? `${encodeURIComponent(key.slice(0, -2))}[]` : encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join("&");
  return `${base}?${query}`;
}

/** GitHub's Link header (prev, next, last, first — only those that apply), or null for a single page. */
export function linkHeader(base: string, pairs: [string, string][], page: number, perPage: number, total: number): string | null {
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const links: string[] = [];
  if (page > 1) links.push(`<${pageUrl(base, pairs, Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) {
    links.push(`<${pageUrl(base, pairs, page + 1)}>; rel="next"`);
    links.push(`<${pageUrl(base, pairs, lastPage)}>; rel="last"`);
  }
  if (page > 1) links.push(`<${pageUrl(base, pairs, 1)}>; rel="first"`);
  return links.length > 0 ? links.join(", ") : null;
}
