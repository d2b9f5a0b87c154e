// The machine's 1-minute load average, sampled through the run: the machine is shared (other
// agents build and test beside the bench on its 2 vCPUs), and every latency is read beside it.
import os from "node:os";
import { round } from "./figures";

const SAMPLE_EVERY_MS = 2_000;

export interface LoadAverageSummary {
  min: number;
  mean: number;
  max: number;
  samples: number;
}

export class LoadAverageSampler {
  private samples: { at: number; load: number }[] = [];
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }

  /**
   * The samples taken from `from` to `to` (ms since the epoch; the whole run without them). A
   * benchmark shorter than the sampling interval gets the latest sample before its end.
   */
  summary(from = 0, to = Number.POSITIVE_INFINITY): LoadAverageSummary | null {
    let loads = this.samples.filter((sample) => sample.at >= from && sample.at <= to).map((sample) => sample.load);
    if (loads.length === 0) loads = this.samples.filter((sample) => sample.at <= to).slice(-1).map((sample) => sample.load);
    if (loads.length === 0) return null;
    return { min: round(Math.min(...loads)), mean: round(loads.reduce((sum, load) => sum + load, 0) / loads.length), max: round(Math.max(...loads)), samples: loads.length };
  }

  private sample(): void {
    this.samples.push({ at: Date.now(), load: os.loadavg()[0]! });
  }
}

export function describeLoad(summary: LoadAverageSummary | null): string {
  return summary === null ? "—" : `${summary.min}–${summary.max} (mean ${summary.mean})`;
}
