// npm run bench — Grantdesk's benchmarks: 1–7 side by side on the main stack (6,000 tokens), then
// 8–11 on the large one (100,000 tokens); prints a table, writes bench/results.json and exits 1
// when a budget is missed (2 when a stack could not start).
import type { Browser } from "@playwright/test";
import { DIST_DIR, LARGE_STACK, MAIN_STACK, startBenchStack, waitForInventory, type BenchStack, type StackSpec } from "./bench-stack";
import { startBenchPostgres, type BenchPostgres } from "./bench-postgres";
import { measureBulkJob } from "./bulk-job";
import { measureBulkWrites } from "./bulk-writes";
import type { BenchmarkResult, Figure } from "./figures";
import { measureInventoryQueries } from "./inventory-query";
import { measureInventorySync } from "./inventory-sync";
import { describeLoad, LoadAverageSampler, type LoadAverageSummary } from "./load-average";
import { launchChromium, measurePageSpeed } from "./page-speed";
import { measurePageWeight } from "./page-weight";
import { measurePayload } from "./payload-size";
import { stopChildProcesses } from "./process-stats";
import { measureProxyOverhead } from "./proxy-overhead";
import { machineInfo, PARTIAL_RESULTS_FILE, printTable, RESULTS_FILE, writeResults } from "./report";
import { RunLedger } from "./run-ledger";
import { LARGE_MEMORY_RUN, MAIN_MEMORY_RUN, measureServerMemory } from "./server-memory";
import { measureTokenMints } from "./token-mints";

type Benchmark = [name: string, measure: () => BenchmarkResult | Promise<BenchmarkResult>];

let stack: BenchStack | undefined;
let browser: Browser | undefined;
let postgres: BenchPostgres | undefined;

async function stopEverything() {
  const [openBrowser, running, database] = [browser, stack, postgres];
  browser = undefined;
  stack = undefined;
  postgres = undefined;
  // The dashboard first: it runs in its own process group, so nothing else would end it.
  await running?.stop();
  await openBrowser?.close().catch(() => undefined);
  if (database?.url) await database.stop().catch(() => undefined);
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\nbench: ${signal}, stopping…`);
    void stopEverything().finally(() => {
      stopChildProcesses();
      process.exit(130);
    });
  });
}

/** How long the main stack's first sync (6,000 tokens) may take before the benchmarks start. */
const MAIN_SYNC_TIMEOUT_MS = 5 * 60_000;

const started = Date.now();
const timings: Record<string, number> = {};
const figures: Figure[] = [];
const details: Record<string, unknown> = {};
const ledgers: RunLedger[] = [];
const machineExtra: Record<string, unknown> = {};
const loadAverage = new LoadAverageSampler();
/** The machine's 1-minute load average while each benchmark ran. */
const loadDuring: Record<string, LoadAverageSummary | null> = {};

async function main(): Promise<number> {
  loadAverage.start();
  const mainNames = ["4. Page weight", "1. Proxy overhead", "7. Payload", "6. Memory", "5. Page speed", "3. Bulk"];
  const largeNames = ["8. Inventory sync", "9. Inventory queries", "10. Memory, 100,000 tokens", "11. Bulk job"];
  const all = [...mainNames, "2. Token mints", ...largeNames];
  const chosen = all.filter(selected);
  const resultsFile = chosen.length === all.length ? RESULTS_FILE : PARTIAL_RESULTS_FILE;

  if (mainNames.some(selected)) {
    const running = await start(MAIN_STACK);
    const ledger = new RunLedger(running);
    ledgers.push(ledger);
    await waitForInventory(running, running.appStartedAt, MAIN_SYNC_TIMEOUT_MS);
    timings["main: first sync"] = seconds(running.appStartedAt);
    browser = await launchChromium();
    const openBrowser = browser;
    machineExtra.chromium = openBrowser.version();
    // Page weight reads only the build; the bulk writes change the world, so they come last.
    await runAll(ledger, [
      ["4. Page weight", () => measurePageWeight(DIST_DIR)],
      ["1. Proxy overhead", () => measureProxyOverhead(running, ledger)],
      ["7. Payload", () => measurePayload(running, ledger)],
      ["6. Memory", () => measureServerMemory(running, ledger, MAIN_MEMORY_RUN)],
      ["5. Page speed", () => measurePageSpeed(running, ledger, openBrowser)],
      ["3. Bulk", () => measureBulkWrites(running, ledger)],
    ]);
    await stopEverything();
  }

  if (largeNames.some(selected)) {
    if (selected("9. Inventory queries")) {
      const begun = Date.now();
      postgres = await startBenchPostgres();
      timings["PostgreSQL start"] = seconds(begun);
      machineExtra.postgres = postgres.url === null ? `not measured: ${postgres.why}` : postgres.source;
    }
    const database = postgres;
    const running = await start(LARGE_STACK);
    const ledger = new RunLedger(running);
    ledgers.push(ledger);
    // The sync benchmark waits for the first sync the dashboard started; without it, the others still need it done.
    if (!selected("8. Inventory sync")) await waitForInventory(running, running.appStartedAt, 20 * 60_000);
    // The bulk job changes the world, so it comes last.
    await runAll(ledger, [
      ["8. Inventory sync", () => measureInventorySync(running, ledger)],
      ["9. Inventory queries", () => measureInventoryQueries(running, ledger, database ?? { url: null, why: "not started" })],
      ["10. Memory, 100,000 tokens", () => measureServerMemory(running, ledger, LARGE_MEMORY_RUN)],
      ["11. Bulk job", () => measureBulkJob(running, ledger)],
    ]);
    await stopEverything();
  }

  // Over every stack of the run.
  await runAll(null, [["2. Token mints", () => measureTokenMints(ledgers)]]);

  figures.sort((a, b) => a.benchmark.localeCompare(b.benchmark, "en", { numeric: true }));
  const passed = figures.every((entry) => entry.pass !== false);
  loadAverage.stop();
  const machine = machineInfo({ ...machineExtra, loadAverageDuringRun: loadAverage.summary() });
  writeResults({ date: new Date(started).toISOString(), passed, durationSeconds: seconds(started), timings, loadAverage: loadDuring, machine, figures, details }, resultsFile);

  console.log("");
  printTable(figures);
  console.log(`\nLoad average (1 min) during the run: ${describeLoad(loadAverage.summary())}`);
  for (const [name, summary] of Object.entries(loadDuring)) console.log(`  ${name}: ${describeLoad(summary)}`);
  const missed = figures.filter((entry) => entry.pass === false).length;
  console.log(`\n${passed ? "Every budget met" : `${missed} budget${missed === 1 ? "" : "s"} missed`} · ${seconds(started)} s · ${resultsFile}`);
  return passed ? 0 : 1;
}

async function start(spec: StackSpec): Promise<BenchStack> {
  const begun = Date.now();
  stack = await startBenchStack({ spec });
  timings[`${spec.name}: start-up`] = seconds(begun);
  machineExtra[`dashboardBuiltFor${spec.name === "main" ? "Main" : "Large"}Stack`] = stack.built;
  return stack;
}

async function runAll(ledger: RunLedger | null, benchmarks: Benchmark[]): Promise<void> {
  for (const [name, measure] of benchmarks.filter(([name]) => selected(name))) {
    const began = Date.now();
    console.log(`bench: ${name}…`);
    try {
      const result = await measure();
      figures.push(...result.figures);
      details[name] = result.details;
    } catch (error) {
      // One broken benchmark still leaves the others' figures worth having.
      const message = error instanceof Error ? error.message : String(error);
      figures.push({ benchmark: name, name: "did not complete", value: null, unit: "", pass: false, note: message });
    }
    await ledger?.readUpstream();
    timings[name] = seconds(began);
    loadDuring[name] = loadAverage.summary(began, Date.now());
  }
}

/** `BENCH_ONLY=1,7` runs just those benchmarks (while working on one); unset, all of them. */
function selected(name: string): boolean {
  const only = process.env.BENCH_ONLY?.split(",").map((entry) => entry.trim()).filter(Boolean);
  return !only?.length || only.includes(name.split(".")[0]!);
}

function seconds(since: number): number {
  return Math.round((Date.now() - since) / 100) / 10;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)} (the dashboards' output: ${MAIN_STACK.logFile}, ${LARGE_STACK.logFile})`);
    void stopEverything().finally(() => process.exit(2));
  },
);
