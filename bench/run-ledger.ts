// What a stack's run did, for the figures that span it: the calls the bench made to the
// dashboard's API, and fake-github's log of every call made upstream since the dashboard started.
import type { LogEntry } from "@/fake-github/request-log";
import type { BenchStack } from "./bench-stack";

const TOKEN_MINT = /^\/app\/installations\/\d+\/access_tokens$/;

export class RunLedger {
  dashboardApiCalls = 0;
  upstreamCalls = 0;
  tokenMints = 0;
  private lastSeq: number;

  /** Starts after the bench's own set-up calls (its installation token is not the dashboard's). */
  constructor(private readonly stack: Pick<BenchStack, "fake" | "logStartSeq">) {
    this.lastSeq = stack.logStartSeq;
  }

  /**
   * fake-github's log entries since the last read, tallied. Read after every benchmark (and more
   * often in long ones): the log keeps only the newest 100,000 entries, fewer than a run makes.
   */
  async readUpstream(): Promise<LogEntry[]> {
    const response = await fetch(`${this.stack.fake.url}/_fake/log?since=${this.lastSeq}`);
    if (!response.ok) throw new Error(`fake-github log: ${response.status}`);
    const { entries } = (await response.json()) as { entries: LogEntry[] };
    if (entries.length > 0 && entries[0]!.seq !== this.lastSeq + 1) {
      throw new Error(`fake-github's log dropped entries ${this.lastSeq + 1}–${entries[0]!.seq - 1}: read it more often`);
    }
    this.lastSeq = entries.at(-1)?.seq ?? this.lastSeq;
    this.upstreamCalls += entries.length;
    this.tokenMints += entries.filter((entry) => entry.method === "POST" && TOKEN_MINT.test(entry.path)).length;
    return entries;
  }
}
