import "server-only";
import { ApiError } from "@/lib/contract/api-error";
import type { OrgEvent } from "@/lib/contract/org-events";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { orgEventHub, type OrgEventHub } from "./org-event-hub";

// The Server-Sent Events answer of `GET /api/orgs/{org}/events`. The stream carries only "this
// changed" events (lib/contract/org-events.ts); pages re-read through the ordinary routes.
//
// - A comment line every 20 s keeps proxies and load balancers from closing an idle stream.
// - After 10 minutes the stream ends; the browser's EventSource connects again (after `retry`),
//   which passes the owner check again — a demoted owner or a signed-out session stops there.
// - A user may hold a few streams per instance (the browser shares one per org among its tabs);
//   more are refused with 429, and the page falls back to polling.

export const HEARTBEAT_MS = 20_000;
export const STREAM_LIFETIME_MS = 10 * 60_000;
export const MAX_STREAMS_PER_USER = 6;
/** How long the browser waits before reconnecting a stream that ended. */
const RECONNECT_MS = 3_000;

const encoder = new TextEncoder();

export interface OrgEventStreamOptions {
  org: string;
  /** Whose stream it is, for the per-user cap (the GitHub user id). */
  userKey: string;
  /** Aborted when the browser goes away. */
  signal: AbortSignal;
  hub?: OrgEventHub;
  heartbeatMs?: number;
  lifetimeMs?: number;
}

export async function orgEventStream({ org, userKey, signal, hub = orgEventHub(), heartbeatMs = HEARTBEAT_MS, lifetimeMs = STREAM_LIFETIME_MS }: OrgEventStreamOptions): Promise<Response> {
  if (!hub.admitStream(userKey, MAX_STREAMS_PER_USER)) {
    throw new ApiError("rate_limited", `You already have ${MAX_STREAMS_PER_USER} live-update streams open. Close some Grantdesk tabs; this one refreshes every few seconds instead.`, {
      retryAfter: 30,
    });
  }

  let release = () => undefined as void;
  let unsubscribe: (() => void) | undefined;
  const timers: NodeJS.Timeout[] = [];
  let closed = false;

  const stop = () => {
    if (closed) return;
    closed = true;
    unsubscribe?.();
    for (const timer of timers) clearInterval(timer);
    release();
  };
  release = () => hub.releaseStream(userKey);

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const send = (text: string) => {
    if (closed) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      stop();
    }
  };
  const end = () => {
    if (closed) return;
    stop();
    try {
      controller.close();
    } catch {
      // already closed by the client going away
    }
  };

  const stream = new ReadableStream<Uint8Array>({
    start(opened) {
      controller = opened;
    },
    cancel: stop,
  });

  try {
    unsubscribe = await hub.subscribe(org, (event: OrgEvent) => send(`data: ${JSON.stringify(event)}\n\n`));
  } catch (error) {
    stop();
    console.warn(`[events] cannot listen for ${org}'s events: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
    throw new ApiError("database_unavailable", "Live updates are unavailable: Grantdesk's database cannot be reached. The page refreshes every few seconds instead.");
  }
  if (signal.aborted) {
    end();
  } else {
    signal.addEventListener("abort", end, { once: true });
    send(`retry: ${RECONNECT_MS}\nevent: ready\ndata: {}\n\n`);
    const heartbeat = setInterval(() => send(": keep-alive\n\n"), heartbeatMs);
    const lifetime = setTimeout(end, lifetimeMs);
    heartbeat.unref();
    lifetime.unref();
    timers.push(heartbeat, lifetime);
  }

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: Next's compression would otherwise hold events back to gzip them.
      "cache-control": "no-store, no-transform",
      // nginx buffers proxied answers unless told not to.
      "x-accel-buffering": "no",
    },
  });
}
