import "server-only";
import type { EndpointDefaults, OctokitResponse } from "@octokit/types";
import PQueue from "p-queue";
import pRetry, { AbortError } from "p-retry";
import { GitHubError } from "./github-error";
import { rateLimitOf } from "./rate-limit";

// The one policy every GitHub call follows, reads and writes, installed on the one Octokit as a
// request hook (outside the authentication hook, so a call is queued before its token is used):
//
// - a timeout per attempt (the timer is cleared as soon as the answer is read: a running timer
//   keeps the whole request it was started in alive, since Node timers hold their async context);
// - reads: at most 100 in flight (GitHub's limit on concurrent requests), a bounded wait line
//   behind them (a full line is refused at once rather than growing without end), and retries
//   on 5xx, broken connections and timeouts after 1 s, then 4 s (p-retry);
// - writes: one queue per org (per installation), one write at a time, each started at least
//   1 s after the previous one (GitHub's pacing for content-creating calls); never resent after
//   an unclear answer, since GitHub may have applied it — the caller re-reads state instead;
// - rate limits, primary or secondary, on any call: GitHub did not process the call, so it is
//   waited out as GitHub says (`retry-after`, `x-ratelimit-reset`) and sent again, up to
//   `maxRateLimitRetries` times and for waits up to `maxRateLimitWaitSeconds`.
//
// Calls as the app itself (`/app/…`, an org's installation lookup) skip the read line: they are
// made from inside other calls' authentication, and waiting behind those calls would deadlock.

export interface CallPolicyOptions {
  timeoutMs: number;
  /** Retries of a read that failed with a 5xx, a broken connection or a timeout (default 2). */
  readRetries?: number;
  /** The first retry waits this long, the next 4 times as long (default 1 s). */
  retryBaseMs?: number;
  /** Default 100, as GitHub allows. */
  maxConcurrentReads?: number;
  /** Reads allowed to wait for a slot before new ones are refused as `overloaded` (default 2,000). */
  maxQueuedReads?: number;
  /** Default 1 s. */
  writeSpacingMs?: number;
  /** A rate limit asking for a longer wait fails at once with `rate_limited` (default 60 s). */
  maxRateLimitWaitSeconds?: number;
  /** How many times one call waits out a rate limit before giving up (default 2). */
  maxRateLimitRetries?: number;
}

type Kind = "app" | "read" | "write";
type Endpoint = Required<EndpointDefaults>;
type Send = (endpoint: Endpoint) => OctokitResponse<unknown> | Promise<OctokitResponse<unknown>>;

interface WriteLane {
  queue: PQueue;
  lastStartedAt: number;
}

const APP_PATH = /^\/(app(\/|$)|app-manifests\/|orgs\/[^/]+\/installation$)/;
const ORG_PATH = /^\/orgs\/([^/?]+)/;
/** No answer, or GitHub failing (5xx): a retry may succeed. Any other answer would come again. */
const isTransient = (status: number | undefined) => status === undefined || status >= 500;

export function createCallPolicy(options: CallPolicyOptions) {
  const readRetries = options.readRetries ?? 2;
  const retryBaseMs = options.retryBaseMs ?? 1_000;
  const maxQueuedReads = options.maxQueuedReads ?? 2_000;
  const writeSpacingMs = options.writeSpacingMs ?? 1_000;
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const maxRateLimitRetries = options.maxRateLimitRetries ?? 2;

  const reads = new PQueue({ concurrency: options.maxConcurrentReads ?? 100 });
  const writeLanes = new Map<string, WriteLane>();
  /** Per org (lower case; "" for app calls): when a rate-limit wait ends. */
  const waitingUntil = new Map<string, number>();

  function writeLane(org: string): WriteLane {
    let lane = writeLanes.get(org);
    if (!lane) {
      lane = { queue: new PQueue({ concurrency: 1 }), lastStartedAt: 0 };
      writeLanes.set(org, lane);
    }
    return lane;
  }

  /** One attempt: the call with its timeout, a GET's body read (as plain JSON) before the timer stops. */
  async function attempt(request: Send, endpoint: Endpoint, read: boolean): Promise<OctokitResponse<unknown>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException(`No answer within ${options.timeoutMs} ms`, "TimeoutError")), options.timeoutMs);
    try {
      const caller = endpoint.request?.signal;
      const signal = caller ? AbortSignal.any([caller, controller.signal]) : controller.signal;
      // GET bodies are parsed with JSON.parse here instead of octokit's bigint-aware parser,
      // which cost a quarter of the server's CPU on 100-row lists: every id GitHub sends here
      // fits a JavaScript number.
      const response = await request({ ...endpoint, request: { ...endpoint.request, signal, parseSuccessResponseBody: !read } });
      if (read && response.data instanceof ReadableStream) {
        const text = await new Response(response.data).text();
        response.data = /json/.test(response.headers["content-type"] ?? "") && text !== "" ? JSON.parse(text) : text;
      }
      return response;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends the call again while GitHub rate-limits it, waiting as long as GitHub says. */
  async function waitingOutRateLimits<T>(org: string, call: () => Promise<T>, describe: string): Promise<T> {
    for (let waits = 0; ; waits++) {
      try {
        return await call();
      } catch (error) {
        const limit = rateLimitIn(error);
        if (!limit) throw error;
        const wait = limit.retryAfterSeconds <= maxWait && waits < maxRateLimitRetries;
        console.warn(`[github] ${limit.kind} rate limit on ${describe}: ${wait ? `waiting ${limit.retryAfterSeconds} s` : "giving up"}`);
        if (!wait) throw error;
        const until = Date.now() + limit.retryAfterSeconds * 1_000;
        waitingUntil.set(org, Math.max(waitingUntil.get(org) ?? 0, until));
        await sleep(limit.retryAfterSeconds * 1_000);
      }
    }
  }

  /** Retries a read (or an app call) that failed in a way a retry can fix; rate limits are not ours to retry here. */
  function withRetries<T>(call: () => Promise<T>): Promise<T> {
    return pRetry(
      async () => {
        try {
          return await call();
        } catch (error) {
          const status = statusOf(error);
          if (rateLimitIn(error) || !isTransient(status)) throw new AbortError(error as Error);
          throw error;
        }
      },
      { retries: readRetries, minTimeout: retryBaseMs, factor: 4, randomize: false },
    );
  }

  /** Octokit's request hook: `url` is the call's full URL (`endpoint` may hold a URL template). */
  async function send(request: Send, endpoint: Endpoint, url: string): Promise<OctokitResponse<unknown>> {
    const path = url.slice(endpoint.baseUrl.length);
    const kind = kindOf(endpoint.method, path);
    const org = decodeURIComponent(ORG_PATH.exec(path)?.[1] ?? "").toLowerCase();
    const describe = `${endpoint.method} ${path.split("?")[0]}`;

    if (kind === "write") {
      const lane = writeLane(org);
      return lane.queue.add(
        () =>
          waitingOutRateLimits(org, async () => {
            const wait = lane.lastStartedAt + writeSpacingMs - Date.now();
            if (wait > 0) await sleep(wait);
            lane.lastStartedAt = Date.now();
            return attempt(request, endpoint, false);
          }, describe),
      );
    }
    if (kind === "app") return waitingOutRateLimits(org, () => withRetries(() => attempt(request, endpoint, endpoint.method === "GET")), describe);
    if (reads.size >= maxQueuedReads) {
      throw new GitHubError("overloaded", "Grantdesk is waiting on too many GitHub calls. Try again in a few seconds.", { retryAfter: 5 });
    }
    return reads.add(() => waitingOutRateLimits(org, () => withRetries(() => attempt(request, endpoint, true)), describe));
  }

  return {
    send,
    /** While a call for the org waits out a GitHub rate limit: when the wait ends. Null otherwise. */
    rateLimitedUntil(org: string): Date | null {
      const until = waitingUntil.get(org.toLowerCase()) ?? 0;
      return until > Date.now() ? new Date(until) : null;
    },
  };
}

export type CallPolicy = ReturnType<typeof createCallPolicy>;

function kindOf(method: string, path: string): Kind {
  if (APP_PATH.test(path)) return "app";
  return method === "GET" || method === "HEAD" ? "read" : "write";
}

interface ErrorShape {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as ErrorShape | null)?.status;
  // Octokit reports a connection that failed or timed out as a 500 without an answer.
  if (status === 500 && !(error as ErrorShape).response) return undefined;
  return typeof status === "number" ? status : undefined;
}

function rateLimitIn(error: unknown) {
  const shape = error as ErrorShape | null;
  if (!shape?.response || typeof shape.status !== "number") return null;
  const errors = (shape.response.data as { errors?: { type?: string }[] } | undefined)?.errors;
  const types = Array.isArray(errors) ? errors.map((entry) => entry.type ?? "") : [];
  return rateLimitOf(shape.status, shape.response.headers ?? {}, shape.message ?? "", types);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
