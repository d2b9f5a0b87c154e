import "server-only";

export interface PagePosition {
  page: number;
  perPage: number;
  hasNextPage: boolean;
  /** From `rel="last"`; on the last page (no `next`) the current page; null when unknown. */
  lastPage: number | null;
}

/**
 * Where a page sits, from GitHub's `Link` header and the page that was asked for. GitHub leaves
 * out `rel="last"` on the last page, and the whole header when there is only one page.
 */
export function parseLinkHeader(header: string | null | undefined, current: { page: number; perPage: number }): PagePosition {
  const links = parseLinks(header ?? "");
  const next = links.get("next");
  const last = links.get("last");
  const lastPage = last !== undefined ? pageOf(last) : next === undefined ? current.page : null;
  return { page: current.page, perPage: current.perPage, hasNextPage: next !== undefined, lastPage };
}

/** rel → URL. A link may carry several space-separated rels. */
function parseLinks(header: string): Map<string, string> {
  const links = new Map<string, string>();
  for (const match of header.matchAll(/<([^>]*)>([^<]*)/g)) {
    const url = match[1] ?? "";
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] ?? "");
    const names = (rel?.[1] ?? rel?.[2] ?? "").trim().split(/\s+/).filter(Boolean);
    for (const name of names) links.set(name.toLowerCase(), url);
  }
  return links;
}

function pageOf(url: string): number | null {
  const page = Number(new URL(url, "http://link.invalid").searchParams.get("page"));
  return Number.isInteger(page) && page >= 1 ? page : null;
}
