// Every API request fake-github receives, in arrival order, for tests to assert on. An entry is
// added when the request arrives and gets its status when the answer is sent (null meanwhile).
// A long benchmark run would grow it without bound, so only the newest MAX_LOG_ENTRIES are kept.

export const MAX_LOG_ENTRIES = 100_000;

export interface LogEntry {
  seq: number;
  time: string;
  method: string;
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  /** The parsed JSON body, form fields as an object, the raw text when neither parses, or null. */
  body: unknown;
  status: number | null;
  /** Milliseconds from its arrival to its answer (the configured latency included); null meanwhile. */
  ms: number | null;
  /** The kind of credential that made the call; null when anonymous, refused, or a web page. */
  auth: "app" | "installation" | "user" | null;
  /** The user's login, for user access tokens. */
  user: string | null;
  appId: number | null;
  installationId: number | null;
  /** Whether the request carried If-None-Match. */
  conditional: boolean;
  /** Whether it was answered 304 Not Modified. */
  notModified: boolean;
}

/** Fields whose values the log never keeps. */
const REDACTED_FIELDS = new Set(["client_secret"]);

export function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === "") return null;
  let body: unknown = text;
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    body = Object.fromEntries(new URLSearchParams(text));
  } else {
    try {
      body = JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
    for (const key of Object.keys(copy)) if (REDACTED_FIELDS.has(key)) copy[key] = "[redacted]";
    return copy;
  }
  return body;
}

export class RequestLog {
  private entries: LogEntry[] = [];
  private nextSeq = 1;

  add(entry: Pick<LogEntry, "time" | "method" | "path" | "query" | "body" | "conditional">): LogEntry {
    const full: LogEntry = { seq: this.nextSeq++, ...entry, status: null, ms: null, auth: null, user: null, appId: null, installationId: null, notModified: false };
    this.entries.push(full);
    if (this.entries.length > MAX_LOG_ENTRIES) this.entries = this.entries.slice(-Math.floor(MAX_LOG_ENTRIES * 0.9));
    return full;
  }

  since(seq: number): LogEntry[] {
    // Entries are in seq order; find the first one after `seq` from the end (polls ask for recent ones).
    let start = this.entries.length;
    while (start > 0 && this.entries[start - 1]!.seq > seq) start--;
    return this.entries.slice(start);
  }

  clear(): void {
    this.entries = [];
    this.nextSeq = 1;
  }
}
