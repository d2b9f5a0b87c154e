// Fault injection for reliability tests. A fault matches requests by method and path (a regex on
// the path without its query); of the matching requests it lets the first `skip` through, then
// affects at most `times` of them (all when unset), each with probability `rate` drawn from a
// seeded PRNG. Latency faults delay and pass the request on; `error-after` lets the endpoint act,
// then answers with the error instead (a gateway failing after GitHub applied a write); the other
// kinds answer instead of the endpoint, so a faulted write changes nothing. Faults are checked in order; the first
// answering fault that fires ends the check (latency from earlier ones still applies).

import { z } from "zod";
import { Rng } from "./prng";

const isRegex = (source: string) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};

export const faultSchema = z
  .object({
    method: z.string().min(1).optional(),
    path: z.string().refine(isRegex, "path must be a valid regular expression").optional(),
    skip: z.number().int().min(0).optional(),
    times: z.number().int().min(0).optional(),
    rate: z.number().min(0).max(1).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    kind: z.enum(["error", "error-after", "secondary-rate-limit", "primary-rate-limit", "latency"]).optional(),
    status: z.number().int().min(400).max(599).optional(),
    retryAfter: z.number().int().min(0).max(3_600).optional(),
  })
  .strict();

export const faultsBodySchema = z.object({ faults: z.array(faultSchema).max(100) }).strict();

export type Fault = z.infer<typeof faultSchema>;
export type FaultKind = NonNullable<Fault["kind"]>;

interface Entry {
  fault: Fault;
  kind: FaultKind;
  path: RegExp | null;
  matched: number;
  fired: number;
}

export interface FaultDecision {
  latencyMs: number;
  /** The fault that answers instead of the endpoint, if any fired. */
  answer: (Fault & { kind: Exclude<FaultKind, "latency"> }) | null;
}

export class FaultSet {
  private entries: Entry[] = [];
  private rng: Rng;

  constructor(private readonly seed: number) {
    this.rng = new Rng(seed, "faults");
  }

  /** Replaces every fault; counters and the sampling stream start over. */
  replace(faults: Fault[]): void {
    this.rng = new Rng(this.seed, "faults");
    this.entries = faults.map((fault) => ({
      fault,
      kind: fault.kind ?? (fault.latencyMs !== undefined ? "latency" : "error"),
      path: fault.path === undefined ? null : new RegExp(fault.path),
      matched: 0,
      fired: 0,
    }));
  }

  list(): (Fault & { kind: FaultKind; matched: number; fired: number })[] {
    return this.entries.map((entry) => ({ ...entry.fault, kind: entry.kind, matched: entry.matched, fired: entry.fired }));
  }

  decide(method: string, path: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, answer: null };
    for (const entry of this.entries) {
      const { fault } = entry;
      if (fault.method !== undefined && fault.method.toUpperCase() !== method.toUpperCase()) continue;
      if (entry.path && !entry.path.test(path)) continue;
      entry.matched++;
      if (entry.matched <= (fault.skip ?? 0)) continue;
      if (fault.times !== undefined && entry.fired >= fault.times) continue;
      if (fault.rate !== undefined && fault.rate < 1 && this.rng.next() >= fault.rate) continue;
      entry.fired++;
      decision.latencyMs += fault.latencyMs ?? 0;
      if (entry.kind !== "latency") {
        decision.answer = { ...fault, kind: entry.kind };
        break;
      }
    }
    return decision;
  }
}
