import { describe, expect, it } from "vitest";
import type { JobSummary } from "@/lib/contract/jobs";
import { describeDuration, describeJob } from "./job-wording";

const job = (changes: Partial<JobSummary>): JobSummary => ({
  id: "j",
  org: "acme",
  kind: "tokens",
  action: "revoke",
  status: "running",
  actor: { login: "mona", id: 1 },
  reason: null,
  description: "",
  total: 1204,
  done: 340,
  accepted: 330,
  skipped: 8,
  failed: 2,
  waiting: null,
  estimatedFinishAt: null,
  cancelRequested: false,
  lastError: null,
  createdAt: "",
  startedAt: null,
  finishedAt: null,
  ...changes,
});

describe("describeJob", () => {
  it("says what a job is doing, then what it did", () => {
    expect(describeJob(job({ status: "queued" }))).toBe("Revoking 1,204 tokens: queued");
    expect(describeJob(job({}))).toBe("Revoking 1,204 tokens: 340 done");
    expect(describeJob(job({ status: "done", kind: "requests", action: "deny", total: 1, accepted: 1 }))).toBe("Denied 1 of 1 request");
  });
});

describe("describeDuration", () => {
  it("counts seconds, minutes and hours, never below zero", () => {
    expect(describeDuration(-5)).toBe("0 s");
    expect(describeDuration(44_100)).toBe("45 s");
    expect(describeDuration(200_000)).toBe("3 min 20 s");
    expect(describeDuration(3_900_000)).toBe("1 h 5 min");
  });
});
