// The run's output: a table on the terminal and bench/results.json (the latest figures, kept in git).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Figure } from "./figures";

export const RESULTS_FILE = path.join("bench", "results.json");
/** Where a run of some of the benchmarks (BENCH_ONLY) writes, leaving the full run's figures be. */
export const PARTIAL_RESULTS_FILE = path.join("bench", "out", "results-partial.json");

export interface RunReport {
  date: string;
  passed: boolean;
  durationSeconds: number;
  /** Seconds each benchmark took, and the build when one was needed. */
  timings: Record<string, number>;
  /** The machine's 1-minute load average while each benchmark ran (min, mean, max). */
  loadAverage: Record<string, unknown>;
  machine: Record<string, unknown>;
  figures: Figure[];
  details: Record<string, unknown>;
}

export function machineInfo(extra: Record<string, unknown>): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cpus: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    // Other work on the machine competes for the same CPUs: worth knowing beside any latency.
    loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
    commit: git(["rev-parse", "--short", "HEAD"]),
    uncommittedChanges: git(["status", "--porcelain"]) !== "",
    ...extra,
  };
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

export function writeResults(report: RunReport, file = RESULTS_FILE): void {
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((entry) => [
    entry.benchmark,
    entry.name,
    entry.value === null ? "—" : `${entry.value.toLocaleString("en")}${entry.unit === "" || entry.unit === "×" ? "" : " "}${entry.unit}`,
    entry.budget ? `${entry.budget.kind === "max" ? "≤" : "="} ${entry.budget.limit.toLocaleString("en")}` : "",
    entry.pass === undefined ? "" : entry.pass ? "pass" : "FAIL",
    entry.note ?? "",
  ]);
  const header = ["benchmark", "figure", "value", "budget", "result", "note"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd();
  console.log([line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n"));
}
