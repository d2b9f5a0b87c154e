// Closed-loop HTTP load (autocannon) against the dashboard or fake-github, run in a child process
// (bench/load-child.ts). Every run is bounded by its duration or request count, and by a hard
// deadline after which the child is killed.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface LoadOptions {
  baseUrl: string;
  /** Request paths (with query), cycled through by every connection in turn. */
  paths: string[];
  headers: Record<string, string>;
  /** Headers of each connection in turn (e.g. a different signed-in user each), added to `headers`. */
  clientHeaders?: Record<string, string>[];
  /** Names a kind for each path, to have response times by kind as well. */
  kindOf?: Record<string, string>;
  connections: number;
  durationSeconds?: number;
  /** Stop after this many requests instead of after a duration. */
  amount?: number;
  /** With `amount`: stop anyway after this long (a slow server must not hold the run for ever). */
  stopAfterSeconds?: number;
  /** A call not answered within this long counts as an error (default 10 s). */
  timeoutSeconds?: number;
}

/** One run's raw outcome: every response time, in arrival order. */
export interface LoadSlice {
  latenciesMs: number[];
  /** Answers slower than 5 s: [seconds since the start, response time, path] (when `kindOf` was given). */
  slow?: [number, number, string][];
  /** How many answers came with each status. */
  statuses?: Record<string, number>;
  /** Response times by the kind of path (when `kindOf` was given). */
  byKind?: Record<string, number[]>;
  errors: number;
  timeouts: number;
  non2xx: number;
  durationSeconds: number;
}

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

const CHILD = fileURLToPath(new URL("./load-child.ts", import.meta.url));
/** Beyond this, a run is stuck: an amount-bound run at a tenth of the expected rate still finishes well within it. */
const HARD_DEADLINE_MS = 5 * 60_000;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  return summarize([await runLoadSlice(options)]);
}

/**
 * Runs the load and answers its raw response times; rejects when the load failed, or when any
 * answer was an error or not 2xx (the figures would then mean nothing).
 */
export function runLoadSlice(options: LoadOptions, { allowErrors = false } = {}): Promise<LoadSlice> {
  if ((options.durationSeconds === undefined) === (options.amount === undefined)) throw new Error("runLoad: give a duration or an amount");
  // The child inherits tsx's loader flags from this process, so it runs the TypeScript file as is.
  const child = fork(CHILD, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const deadlineMs = Math.max(HARD_DEADLINE_MS, ((options.stopAfterSeconds ?? 0) + 60) * 1000);
  return new Promise<LoadSlice>((resolve, reject) => {
    const deadline = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`load on ${options.baseUrl} did not finish within ${deadlineMs / 1000} s`));
    }, deadlineMs);
    child.once("message", (message: { slice?: LoadSlice; error?: string }) => {
      clearTimeout(deadline);
      if (message.error !== undefined || !message.slice) return reject(new Error(`load on ${options.baseUrl}: ${message.error}`));
      const { slice } = message;
      if (!allowErrors && (slice.errors > 0 || slice.non2xx > 0)) {
        return reject(new Error(`load on ${options.baseUrl}${options.paths[0]}: ${slice.errors} errors, ${slice.non2xx} non-2xx answers of ${slice.latenciesMs.length}`));
      }
      resolve(slice);
    });
    child.once("exit", (code) => {
      clearTimeout(deadline);
      reject(new Error(`load child exited with code ${code} before answering`));
    });
    child.send(options);
  });
}

/** Percentiles (nearest rank) and throughput over the slices taken together. */
export function summarize(slices: LoadSlice[]): LoadResult {
  const latencies = slices.flatMap((slice) => slice.latenciesMs);
  const durationSeconds = slices.reduce((sum, slice) => sum + slice.durationSeconds, 0);
  return { requests: latencies.length, durationSeconds, requestsPerSecond: latencies.length / durationSeconds, latencyMs: percentiles(latencies) };
}

/** p50, p95, p99 (nearest rank) and the maximum of some response times. */
export function percentiles(values: number[]): LoadResult["latencyMs"] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? Number.NaN };
}
