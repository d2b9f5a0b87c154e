// 7. Payload: the bytes a browser receives for a 100-row list from the dashboard, beside what
// GitHub sends for the same list, both gzip-compressed (GitHub compresses its API answers).
// Reported, not budgeted.
import { request } from "node:http";
import { gunzipSync, gzipSync } from "node:zlib";
import { dashboardHeaders, githubHeaders, ORG, type BenchStack } from "./bench-stack";
import { figure, round, type BenchmarkResult } from "./figures";
import type { RunLedger } from "./run-ledger";

const BENCHMARK = "7. Payload";
/** What Chromium sends; the dashboard (next start) picks gzip from it. */
const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";
const LISTS = [
  { name: "tokens" as const, github: `/orgs/${ORG}/personal-access-tokens?per_page=100`, dashboard: `/api/orgs/${ORG}/tokens?per_page=100` },
  { name: "requests" as const, github: `/orgs/${ORG}/personal-access-token-requests?per_page=100`, dashboard: `/api/orgs/${ORG}/requests?per_page=100` },
];

interface Received {
  encoding: string;
  /** Body bytes as they crossed the wire (compressed when `encoding` says so). */
  wireBytes: number;
  body: Buffer;
}

export async function measurePayload(stack: BenchStack, ledger: RunLedger): Promise<BenchmarkResult> {
  const figures = [];
  const details: Record<string, unknown> = {};
  for (const list of LISTS) {
    const fromGitHub = await get(`${stack.fake.url}${list.github}`, { ...githubHeaders(stack), "accept-encoding": "identity" });
    const fromDashboard = await get(`${stack.appUrl}${list.dashboard}`, { ...dashboardHeaders(stack), "accept-encoding": BROWSER_ACCEPT_ENCODING });
    ledger.dashboardApiCalls += 1;
    // Default zlib level, as next start's compression uses: both sides compressed alike.
    const githubGzip = gzipSync(fromGitHub.body).length;
    const rows = (JSON.parse(fromGitHub.body.toString()) as unknown[]).length;
    const dashboardRows = (JSON.parse(fromDashboard.body.toString())).items.length;
    if (rows !== 100 || dashboardRows !== 100) throw new Error(`payload: expected 100 ${list.name}, GitHub sent ${rows}, the dashboard ${dashboardRows}`);

    const note = `${fromDashboard.encoding}; GitHub's JSON for it: ${githubGzip.toLocaleString("en")} B gzip (× ${round(fromDashboard.wireBytes / githubGzip)})`;
    figures.push(figure(BENCHMARK, `${list.name}: bytes per 100-row page`, fromDashboard.wireBytes, "B", undefined, note));
    details[list.name] = {
      github: { jsonBytes: fromGitHub.body.length, gzipBytes: githubGzip },
      dashboard: { jsonBytes: fromDashboard.body.length, wireBytes: fromDashboard.wireBytes, encoding: fromDashboard.encoding },
    };
  }
  return { figures, details };
}

/** A GET that keeps the body as it arrived, so the compressed size is the real one. */
function get(url: string, headers: Record<string, string>): Promise<Received> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const wire = Buffer.concat(chunks);
        const encoding = res.headers["content-encoding"] ?? "identity";
        if (res.statusCode !== 200) return reject(new Error(`payload: ${url} answered ${res.statusCode}`));
        if (encoding !== "gzip" && encoding !== "identity") return reject(new Error(`payload: unexpected encoding ${encoding}`));
        resolve({ encoding, wireBytes: wire.length, body: encoding === "gzip" ? gunzipSync(wire) : wire });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`payload: ${url} timed out`)));
    req.on("error", reject);
    req.end();
  });
}
