// 4. Page weight: First Load JS of the requests and tokens pages, gzip-compressed, from the build,
// and Grantdesk's own part of it: the page's figure minus that of a baseline page in the same
// build which loads the same framework and libraries but none of Grantdesk's components
// (app/bench-baseline/page.bench.tsx, built only when BENCH_BASELINE=1, as the bench builds).
//
// Next lists each route's first-load chunks in diagnostics/route-bundle-stats.json (what its
// build summary sums as "First Load JS"). Summing their gzip sizes is exact and repeatable;
// loading the page in Chromium would give the same chunks (page-speed records the browser's
// transferred script bytes as a cross-check) but would also count whatever the page lazy-loads.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { atMost, figure, round, type BenchmarkResult } from "./figures";

const BENCHMARK = "4. Page weight";
const PAGES = ["/orgs/[org]/requests", "/orgs/[org]/tokens"];
const BASELINE = "/bench-baseline";
const OWN_BUDGET_KB = 40;

interface RouteBundleStats {
  route: string;
  firstLoadUncompressedJsBytes: number;
  firstLoadChunkPaths: string[];
}

function readRouteStats(distDir: string): RouteBundleStats[] | null {
  const file = path.join(distDir, "diagnostics", "route-bundle-stats.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as RouteBundleStats[]) : null;
}

/** Whether the build in `distDir` has the baseline page (else the bench must build again). */
export function hasBaselinePage(distDir: string): boolean {
  return readRouteStats(distDir)?.some((entry) => entry.route === BASELINE) ?? false;
}

export function measurePageWeight(distDir: string): BenchmarkResult {
  const stats = readRouteStats(distDir) ?? [];
  const baseline = stats.find((entry) => entry.route === BASELINE);
  const baselineChunks = new Set(baseline?.firstLoadChunkPaths);
  const baselineGzipBytes = baseline ? sumGzip(baseline.firstLoadChunkPaths) : null;
  const figures = [figure(BENCHMARK, "baseline: framework + libraries (gzip)", kB(baselineGzipBytes), "kB", undefined, baseline ? `${baselineChunks.size} chunks` : "no baseline page in the build")];
  const details: Record<string, unknown> = { baselineGzipBytes };
  for (const page of PAGES) {
    const route = stats.find((entry) => entry.route === page);
    if (!route) {
      figures.push(figure(BENCHMARK, `${page} own JS (gzip)`, null, "kB", atMost(OWN_BUDGET_KB), "no such page in the build"));
      continue;
    }
    const chunks = route.firstLoadChunkPaths.map((chunk) => ({ chunk: path.basename(chunk), gzipBytes: gzipSize(chunk), inBaseline: baselineChunks.has(chunk) }));
    const gzipBytes = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
    const ownBytes = baselineGzipBytes === null ? null : gzipBytes - baselineGzipBytes;
    const note = `${chunks.length} chunks, ${round(route.firstLoadUncompressedJsBytes / 1000, 1)} kB uncompressed`;
    figures.push(
      figure(BENCHMARK, `${page} First Load JS (gzip)`, kB(gzipBytes), "kB", undefined, note),
      figure(BENCHMARK, `${page} own JS (gzip)`, kB(ownBytes), "kB", atMost(OWN_BUDGET_KB), "First Load JS minus the baseline's"),
    );
    details[page] = { gzipBytes, ownBytes, chunks: chunks.sort((a, b) => b.gzipBytes - a.gzipBytes) };
  }
  return { figures, details };
}

function kB(bytes: number | null): number | null {
  return bytes === null ? null : round(bytes / 1000, 1);
}

function sumGzip(chunks: string[]): number {
  return chunks.reduce((sum, chunk) => sum + gzipSize(chunk), 0);
}

/** At zlib's default level, as next start compresses what it serves. */
function gzipSize(chunk: string): number {
  return gzipSync(readFileSync(chunk)).length;
}
