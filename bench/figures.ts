// A benchmark's figures and the budgets they are held to.

export interface Budget {
  /** "max": the figure must not exceed `limit`; "exact": it must equal it. */
  kind: "max" | "exact";
  limit: number;
}

export interface Figure {
  /** Which benchmark it belongs to ("1. Proxy overhead"). */
  benchmark: string;
  /** What was measured ("p95 ratio, dashboard / GitHub"). */
  name: string;
  /** Null when it could not be measured (e.g. the page does not exist yet): a budget then fails. */
  value: number | null;
  unit: string;
  budget?: Budget;
  /** Only for figures with a budget. */
  pass?: boolean;
  note?: string;
}

export interface BenchmarkResult {
  figures: Figure[];
  /** The measurements behind the figures, kept in results.json as evidence. */
  details: Record<string, unknown>;
}

export function figure(benchmark: string, name: string, value: number | null, unit: string, budget?: Budget, note?: string): Figure {
  const result: Figure = { benchmark, name, value, unit };
  if (budget) {
    result.budget = budget;
    result.pass = value !== null && (budget.kind === "max" ? value <= budget.limit : value === budget.limit);
  }
  if (note !== undefined) result.note = note;
  return result;
}

export const atMost = (limit: number): Budget => ({ kind: "max", limit });
export const exactly = (limit: number): Budget => ({ kind: "exact", limit });

/** Rounds for display and for results.json: no spurious precision. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Nearest-rank percentile of some timings. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
