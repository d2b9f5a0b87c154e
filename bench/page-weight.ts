// 4. Page weight: First Load JS of the requests and tokens pages, gzip-compressed, from the build.
//
// Next lists each route's first-load chunks in diagnostics/route-bundle-stats.json (what its
// build summary sums as "First Load JS"). Summing their gzip sizes is exact and repeatable;
// loading the page in Chromium would give the same chunks (page-speed records the browser's
// transferred script bytes as a cross-check) but would also count whatever the page lazy-loads.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DIST_DIR } from "./bench-stack";
import { atMost, figure, round, type BenchmarkResult } from "./figures";

const BENCHMARK = "4. Page weight";
const PAGES = ["/orgs/[org]/requests", "/orgs/[org]/tokens"];
const BUDGET_KB = 170;

interface RouteBundleStats {
  route: string;
  firstLoadUncompressedJsBytes: number;
  firstLoadChunkPaths: string[];
}

export function measurePageWeight(): BenchmarkResult {
  const stats = JSON.parse(readFileSync(path.join(DIST_DIR, "diagnostics", "route-bundle-stats.json"), "utf8")) as RouteBundleStats[];
  // What every route loads (React, Next's runtime, the root layout's providers): the part no
  // page can shed on its own.
  const shared = stats.map((entry) => new Set(entry.firstLoadChunkPaths)).reduce((all, chunks) => new Set([...all].filter((chunk) => chunks.has(chunk))));
  const sharedGzipBytes = [...shared].reduce((sum, chunk) => sum + gzipSize(chunk), 0);
  const figures = [figure(BENCHMARK, "shared by every route (gzip)", round(sharedGzipBytes / 1000, 1), "kB", undefined, `${shared.size} chunks`)];
  const details: Record<string, unknown> = { sharedGzipBytes };
  for (const page of PAGES) {
    const route = stats.find((entry) => entry.route === page);
    if (!route) {
      figures.push(figure(BENCHMARK, `${page} First Load JS (gzip)`, null, "kB", atMost(BUDGET_KB), "no such page in the build"));
      continue;
    }
    const chunks = route.firstLoadChunkPaths.map((chunk) => ({ chunk: path.basename(chunk), gzipBytes: gzipSize(chunk), shared: shared.has(chunk) }));
    const gzipBytes = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
    const note = `${chunks.length} chunks, ${round(route.firstLoadUncompressedJsBytes / 1000, 1)} kB uncompressed`;
    figures.push(figure(BENCHMARK, `${page} First Load JS (gzip)`, round(gzipBytes / 1000, 1), "kB", atMost(BUDGET_KB), note));
    details[page] = { gzipBytes, chunks: chunks.sort((a, b) => b.gzipBytes - a.gzipBytes) };
  }
  return { figures, details };
}

/** At zlib's default level, as next start compresses what it serves. */
function gzipSize(chunk: string): number {
  return gzipSync(readFileSync(chunk)).length;
}
