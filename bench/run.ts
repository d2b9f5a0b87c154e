// npm run bench — Grantdesk's seven benchmarks side by side on one stack: prints a table, writes
// bench/results.json and exits 1 when a budget is missed (2 when the stack could not start).
import type { Browser } from "@playwright/test";
import { DIST_DIR, LOG_FILE, startBenchStack, type BenchStack } from "./bench-stack";
import { measureBulkWrites } from "./bulk-writes";
import type { BenchmarkResult, Figure } from "./figures";
import { launchChromium, measurePageSpeed } from "./page-speed";
import { measurePageWeight } from "./page-weight";
import { measurePayload } from "./payload-size";
import { stopChildProcesses } from "./process-stats";
import { measureProxyOverhead } from "./proxy-overhead";
import { machineInfo, PARTIAL_RESULTS_FILE, printTable, RESULTS_FILE, writeResults } from "./report";
import { RunLedger } from "./run-ledger";
import { measureServerMemory } from "./server-memory";
import { measureTokenMints } from "./token-mints";

let stack: BenchStack | undefined;
let browser: Browser | undefined;

async function stopEverything() {
  const [openBrowser, running] = [browser, stack];
  browser = undefined;
  stack = undefined;
  // The dashboard first: it runs in its own process group, so nothing else would end it.
  await running?.stop();
  await openBrowser?.close().catch(() => undefined);
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

async function main(): Promise<number> {
  const started = Date.now();
  const timings: Record<string, number> = {};
  stack = await startBenchStack();
  timings.startup = seconds(started);
  const ledger = new RunLedger(stack.fake);
  await ledger.start();
  browser = await launchChromium();
  const running = stack;
  const openBrowser = browser;

  // Page weight reads only the build; the bulk writes change the world, so they come last; the
  // token-mint count covers everything before it.
  const benchmarks: [string, () => BenchmarkResult | Promise<BenchmarkResult>][] = [
    ["4. Page weight", () => measurePageWeight(DIST_DIR)],
    ["1. Proxy overhead", () => measureProxyOverhead(running, ledger)],
    ["7. Payload", () => measurePayload(running, ledger)],
    ["6. Memory", () => measureServerMemory(running, ledger)],
    ["5. Page speed", () => measurePageSpeed(running, ledger, openBrowser)],
    ["3. Bulk", () => measureBulkWrites(running, ledger)],
    ["2. Token mints", () => measureTokenMints(ledger)],
  ];

  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const chosen = benchmarks.filter(([name]) => selected(name));
  const resultsFile = chosen.length === benchmarks.length ? RESULTS_FILE : PARTIAL_RESULTS_FILE;
  for (const [name, measure] of chosen) {
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
    await ledger.readUpstream();
    timings[name] = seconds(began);
  }

  figures.sort((a, b) => a.benchmark.localeCompare(b.benchmark, "en", { numeric: true }));
  const passed = figures.every((entry) => entry.pass !== false);
  const machine = machineInfo({ chromium: openBrowser.version(), dashboardBuiltThisRun: running.built });
  await stopEverything();
  writeResults({ date: new Date(started).toISOString(), passed, durationSeconds: seconds(started), timings, machine, figures, details }, resultsFile);

  console.log("");
  printTable(figures);
  const missed = figures.filter((entry) => entry.pass === false).length;
  console.log(`\n${passed ? "Every budget met" : `${missed} budget${missed === 1 ? "" : "s"} missed`} · ${seconds(started)} s · ${resultsFile}`);
  return passed ? 0 : 1;
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
    console.error(`bench: ${error instanceof Error ? error.message : String(error)} (the dashboard's output: ${LOG_FILE})`);
    void stopEverything().finally(() => process.exit(2));
  },
);
