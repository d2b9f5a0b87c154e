// npm run load — a bounded load test: 200 signed-in owners at once, each on its own connection
// (closed loop: a new call as soon as the last is answered), for 60 s, over the list, drill-down
// and audit routes, against fake-github adding 50 ms to every GitHub call, with Grantdesk's
// per-user rate limits as configured by default. Passes with 0 errors (every answer a 2xx) and
// next-server's RSS at most 50 MB above where it was after the warm-up; reports p50/p95/p99 by
// kind of route, throughput and the machine's load average. Loopback only; stops by itself (the
// load child has a hard deadline too). Writes bench/out/load-results.json; exits 1 when it fails.
//
// A call counts as an error when it is not a 2xx or not answered within 15 s (LOAD_TIMEOUT_SECONDS).
// Why 15 and not autocannon's 10: the server itself answers a call that waited 10 s for its turn
// with 503 `overloaded` (lib/api/request-admission.ts), so every call gets an answer within 10 s
// plus its own work; the client waits a little longer so that it judges that answer (a 503 is an
// error too) instead of cutting off a call just admitted. A wait is the figure reported.
// When calls fail, `timeoutsByPathAndSecond` says which path was cut off when, and `slowAnswers`
// lists the first answers over 5 s; `rssMb.every5s` shows whether the RSS levelled off.
// LOAD_CLIENTS, LOAD_SECONDS, LOAD_WARM_UP_SECONDS (one warm-up round) change its size; BENCH_APP_PORT / BENCH_FAKE_PORT its ports.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { PatTokenRow } from "@/lib/contract/pat-rows";
import { ORG, startBenchStack, type BenchStack } from "./bench-stack";
import { percentiles, runLoadSlice, type LoadSlice } from "./load";
import { findNextServerPid, readCpuMs, readRssBytes, stopChildProcesses } from "./process-stats";

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const TIMEOUT_SECONDS = Number(process.env.LOAD_TIMEOUT_SECONDS ?? 15);
/**
 * The same load first, in rounds of this long, until a round leaves the RSS less than
 * WARM_UP_LEVEL_MB above the last (or MAX_WARM_UP_ROUNDS ran): every route compiled, and the heap
 * grown to its working size — V8 sizes it by how much was allocated, so a fixed warm-up left the
 * RSS still rising on a slow, shared machine and on a fast one not. A leak never levels off: the
 * rounds run out, and the measured run still shows its growth.
 */
const WARM_UP_ROUND_SECONDS = Number(process.env.LOAD_WARM_UP_SECONDS ?? 20);
const WARM_UP_LEVEL_MB = 10;
const MAX_WARM_UP_ROUNDS = 6;
const SETTLE_MS = 6_000;
const MAX_RSS_GROWTH_MB = 50;
const MB = 1024 * 1024;
const RESULTS = path.join("bench", "out", "load-results.json");

let stack: BenchStack | undefined;

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\nload: ${signal}, stopping…`);
    void (stack?.stop() ?? Promise.resolve()).finally(() => {
      stopChildProcesses();
      process.exit(130);
    });
  });
}

interface Owner {
  login: string;
  id: number;
}

async function api<T>(stack: BenchStack, pathAndQuery: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${stack.appUrl}${pathAndQuery}`, { ...init, headers: { cookie: stack.ownerCookie, ...init.headers } });
  if (!response.ok) throw new Error(`${pathAndQuery}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The org's token rows, from the dashboard's own list (the inventory). */
async function tokenRows(stack: BenchStack, pages: number): Promise<PatTokenRow[]> {
  const rows: PatTokenRow[] = [];
  for (let page = 1; page <= pages; page++) rows.push(...(await api<{ items: PatTokenRow[] }>(stack, `/api/orgs/${ORG}/tokens?per_page=100&page=${page}`)).items);
  return rows;
}

/** `count` distinct token owners of the org, made its owners on fake-github: the signed-in clients. */
async function makeOwners(stack: BenchStack, rows: PatTokenRow[], count: number): Promise<Owner[]> {
  const owners = new Map<number, Owner>();
  for (const row of rows) if (owners.size < count) owners.set(row.owner.id, { login: row.owner.login, id: row.owner.id });
  if (owners.size < count) throw new Error(`only ${owners.size} distinct token owners in ${ORG}; ${count} clients asked for`);
  for (const owner of owners.values()) {
    const response = await fetch(`${stack.fake.url}/_fake/memberships`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ org: ORG, username: owner.login, role: "admin" }),
    });
    if (!response.ok) throw new Error(`fake-github memberships: ${response.status} ${await response.text()}`);
  }
  return [...owners.values()];
}

/** Revokes a few tokens first, so the audit trail the clients read has records in it. */
async function fillAuditTrail(stack: BenchStack, rows: PatTokenRow[]): Promise<void> {
  const ids = rows.slice(-60).map((row) => row.id);
  await api(stack, `/api/orgs/${ORG}/tokens/revoke`, {
    method: "POST",
    headers: { origin: stack.appUrl, "content-type": "application/json" },
    body: JSON.stringify({ ids, note: "load test: audit records to read" }),
  });
}

/** The paths every client cycles through: lists (pages, filters, facets), drill-downs (GitHub), audit. */
function loadPaths(rows: PatTokenRow[]): { paths: string[]; kindOf: Record<string, string> } {
  const kindOf: Record<string, string> = {};
  const add = (kind: string, paths: string[]) => paths.forEach((entry) => (kindOf[entry] = kind));
  add("list", [
    `/api/orgs/${ORG}/tokens`,
    `/api/orgs/${ORG}/tokens?page=2`,
    `/api/orgs/${ORG}/tokens?per_page=100&sort=last-used`,
    `/api/orgs/${ORG}/tokens?signal=expired`,
    `/api/orgs/${ORG}/tokens/facets`,
    `/api/orgs/${ORG}/requests`,
    `/api/orgs/${ORG}/requests?per_page=50&direction=asc`,
    `/api/orgs/${ORG}/inventory`,
  ]);
  const subsets = rows.filter((row) => row.repositorySelection === "subset").slice(0, 6);
  add("drill-down", subsets.map((row) => `/api/orgs/${ORG}/tokens/${row.id}/repositories`));
  add("audit", [`/api/orgs/${ORG}/audit`, `/api/orgs/${ORG}/audit?action=revoke&per_page=50`, `/api/orgs/${ORG}/audit?page=2&per_page=20`]);
  // Interleaved, so every client meets every kind within a few calls.
  const lists: string[][] = [];
  for (const kind of new Set(Object.values(kindOf))) lists.push(Object.keys(kindOf).filter((entry) => kindOf[entry] === kind));
  const paths: string[] = [];
  for (let index = 0; paths.length < Object.keys(kindOf).length; index++) for (const list of lists) if (list[index]) paths.push(list[index]!);
  return { paths, kindOf };
}

const round = (value: number, digits = 0) => Number(value.toFixed(digits));

async function main(): Promise<number> {
  const started = Date.now();
  // The per-user limits stay at their defaults: the clients are 200 different people.
  stack = await startBenchStack({ env: { RATE_LIMIT_READS_PER_MINUTE: "", RATE_LIMIT_WRITES_PER_MINUTE: "" } });
  const running = stack;
  console.log(`load: dashboard ${running.appUrl}, fake-github ${running.fake.url} (50 ms per GitHub call)${running.built ? ", built first" : ""}`);
  const rows = await tokenRows(running, 5);
  const owners = await makeOwners(running, rows, CLIENTS);
  await fillAuditTrail(running, rows);
  const { paths, kindOf } = loadPaths(rows);
  const clientHeaders = await Promise.all(owners.map(async (owner) => ({ cookie: await running.cookieFor(owner) })));
  const load = { baseUrl: running.appUrl, paths, headers: {}, clientHeaders, kindOf, connections: CLIENTS, timeoutSeconds: TIMEOUT_SECONDS };

  const pid = findNextServerPid(running.appPid);
  const warmUp = await warmUpUntilLevel(load, pid);
  await sleep(SETTLE_MS);
  const rssBefore = readRssBytes(pid);
  const loadBefore = loadavg();

  console.log(`load: ${CLIENTS} clients for ${SECONDS} s…`);
  let peak = rssBefore;
  const loadSamples: number[] = [];
  const rssTimeline: number[] = [];
  let tick = 0;
  const sampler = setInterval(() => {
    const rss = readRssBytes(pid);
    peak = Math.max(peak, rss);
    if (tick++ % 5 === 0) rssTimeline.push(round(rss / MB));
    loadSamples.push(loadavg()[0]!);
  }, 1_000);
  const cpuBefore = readCpuMs(pid);
  let slice: LoadSlice | undefined;
  let failure: string | undefined;
  try {
    slice = await runLoadSlice({ ...load, durationSeconds: SECONDS }, { allowErrors: true });
    const errors = slice.errors + slice.non2xx;
    if (errors > 0) failure = `${errors} errors (${slice.timeouts} timeouts, ${slice.non2xx} non-2xx answers: ${JSON.stringify(slice.statuses)}) of ${slice.latenciesMs.length + slice.errors} calls`;
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  } finally {
    clearInterval(sampler);
  }
  const serverCpuMs = readCpuMs(pid) - cpuBefore;
  await sleep(SETTLE_MS);
  const rssAfter = readRssBytes(pid);
  const growthMb = (rssAfter - rssBefore) / MB;

  const byKind = Object.fromEntries(Object.entries(slice?.byKind ?? {}).map(([kind, values]) => [kind, { calls: values.length, ...mapValues(percentiles(values), (value) => round(value)) }]));
  const overall = slice ? percentiles(slice.latenciesMs) : undefined;
  const results = {
    date: new Date().toISOString(),
    clients: CLIENTS,
    seconds: SECONDS,
    upstreamLatencyMs: 50,
    passed: failure === undefined && growthMb <= MAX_RSS_GROWTH_MB,
    failure: failure ?? (growthMb > MAX_RSS_GROWTH_MB ? `RSS grew by ${round(growthMb, 1)} MB (budget ${MAX_RSS_GROWTH_MB} MB)` : null),
    calls: slice?.latenciesMs.length ?? 0,
    errors: slice ? { errors: slice.errors, timeouts: slice.timeouts, non2xx: slice.non2xx, statuses: slice.statuses } : null,
    serverCpuMsPerCall: slice?.latenciesMs.length ? round(serverCpuMs / slice.latenciesMs.length, 1) : null,
    serverCpuShare: round(serverCpuMs / 1000 / SECONDS, 2),
    requestsPerSecond: slice ? round(slice.latenciesMs.length / slice.durationSeconds, 1) : null,
    latencyMs: overall && mapValues(overall, (value) => round(value)),
    byKind,
    slowAnswers: slice?.slow?.filter(([, ms]) => ms >= 0).slice(0, 10),
    timeoutsByPathAndSecond: slice?.slow?.filter(([, ms]) => ms < 0).reduce<Record<string, number>>((counts, [second, , path]) => ({ ...counts, [`${path} @${second}s`]: (counts[`${path} @${second}s`] ?? 0) + 1 }), {}),
    rssMb: { before: round(rssBefore / MB, 1), peak: round(peak / MB, 1), after: round(rssAfter / MB, 1), growth: round(growthMb, 1), budget: MAX_RSS_GROWTH_MB, every5s: rssTimeline },
    warmUp,
    timeoutSeconds: TIMEOUT_SECONDS,
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: round(totalmem() / 1024 ** 3, 1), node: process.version },
    loadAverage: { before: loadBefore.map((value) => round(value, 2)), during: { min: round(Math.min(...loadSamples), 2), max: round(Math.max(...loadSamples), 2) }, after: loadavg().map((value) => round(value, 2)) },
    totalSeconds: round((Date.now() - started) / 1000),
  };
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
  console.log(`load: ${results.passed ? "passed" : `FAILED: ${results.failure}`} (written to ${RESULTS})`);
  return results.passed ? 0 : 1;
}

interface WarmUpRound {
  calls: number | null;
  /** Errors while warming up (first compilations on a busy machine) are reported, not judged. */
  failure: string | null;
  rssMb: number;
}

async function warmUpUntilLevel(load: Parameters<typeof runLoadSlice>[0], pid: number) {
  const rounds: WarmUpRound[] = [];
  let rss = readRssBytes(pid);
  for (let index = 1; index <= MAX_WARM_UP_ROUNDS; index++) {
    console.log(`load: warming up, round ${index} (${WARM_UP_ROUND_SECONDS} s)…`);
    const outcome = await runLoadSlice({ ...load, durationSeconds: WARM_UP_ROUND_SECONDS }, { allowErrors: true }).then(
      (slice) => ({ calls: slice.latenciesMs.length, failure: slice.errors + slice.non2xx > 0 ? `${slice.errors} errors, ${slice.non2xx} non-2xx` : null }),
      (error: unknown) => ({ calls: null, failure: error instanceof Error ? error.message : String(error) }),
    );
    await sleep(2_000);
    const previous = rss;
    rss = readRssBytes(pid);
    rounds.push({ ...outcome, rssMb: round(rss / MB, 1) });
    if (index > 1 && (rss - previous) / MB < WARM_UP_LEVEL_MB) return { roundSeconds: WARM_UP_ROUND_SECONDS, levelled: true, rounds };
  }
  return { roundSeconds: WARM_UP_ROUND_SECONDS, levelled: false, rounds };
}

function mapValues<T extends Record<string, number>>(values: T, map: (value: number) => number): T {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, map(value)])) as T;
}

main()
  .then(async (code) => {
    await stack?.stop();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stack?.stop().catch(() => undefined);
    stopChildProcesses();
    process.exit(2);
  });
