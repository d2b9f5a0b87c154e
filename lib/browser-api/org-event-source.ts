// The browser's end of `GET /api/orgs/{org}/events`: one EventSource per org per browser, shared
// by every tab. Browsers allow six HTTP/1.1 connections per host, and each open stream holds one
// for good: a stream per tab would freeze the whole dashboard at the sixth tab. So the tab holding
// the Web Lock `grantdesk-events:{org}` opens the stream and passes what it hears to the other tabs
// (BroadcastChannel); when that tab closes, the lock passes to another, which opens its own. A
// browser without Web Locks or BroadcastChannel (an insecure origin) opens one per tab.
//
// Whether the stream is live is known to every tab: while it is not, the pages poll as before.

import { parseOrgEvent, type OrgEvent } from "@/lib/contract/org-events";

export type OrgEventListener = (event: OrgEvent) => void;
export type LiveListener = (live: boolean) => void;

type Message = { kind: "event"; event: OrgEvent } | { kind: "live"; live: boolean } | { kind: "hello" };

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 60_000;

interface SharedStream {
  listeners: Set<OrgEventListener>;
  liveListeners: Set<LiveListener>;
  live: boolean;
  stop(): void;
}

const streams = new Map<string, SharedStream>();

/** Hears the org's events (and whether the stream is live) until the returned function is called. */
export function subscribeOrgEvents(org: string, onEvent: OrgEventListener, onLive?: LiveListener): () => void {
  const key = org.toLowerCase();
  const stream = streams.get(key) ?? open(org);
  streams.set(key, stream);
  stream.listeners.add(onEvent);
  if (onLive) {
    stream.liveListeners.add(onLive);
    onLive(stream.live);
  }
  return () => {
    stream.listeners.delete(onEvent);
    if (onLive) stream.liveListeners.delete(onLive);
    if (stream.listeners.size === 0 && streams.get(key) === stream) {
      streams.delete(key);
      stream.stop();
    }
  };
}

/** True while this browser hears the org's events as they happen. */
export function isOrgEventStreamLive(org: string): boolean {
  return streams.get(org.toLowerCase())?.live ?? false;
}

function open(org: string): SharedStream {
  const name = `grantdesk-events:${org.toLowerCase()}`;
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(name) : null;
  const locks = typeof navigator !== "undefined" && "locks" in navigator && channel ? navigator.locks : null;
  const stopped = new AbortController();
  let leading = false;
  let heardAnotherLeader = false;

  const stream: SharedStream = {
    listeners: new Set(),
    liveListeners: new Set(),
    live: false,
    stop: () => {
      // The other tabs poll until one of them has taken the stream over.
      if (leading) channel?.postMessage({ kind: "live", live: false } satisfies Message);
      stopped.abort();
      channel?.close();
    },
  };

  const deliver = (event: OrgEvent) => {
    for (const listener of [...stream.listeners]) listener(event);
  };
  const setLive = (live: boolean) => {
    if (stream.live === live) return;
    stream.live = live;
    for (const listener of [...stream.liveListeners]) listener(live);
  };
  const tell = (message: Message) => channel?.postMessage(message);

  if (channel) {
    channel.onmessage = ({ data }: MessageEvent<Message>) => {
      if (data.kind === "event") deliver(data.event);
      else if (data.kind === "live" && !leading) {
        heardAnotherLeader ||= data.live;
        setLive(data.live);
      } else if (data.kind === "hello" && leading) tell({ kind: "live", live: stream.live });
    };
  }

  /** Holds the stream while this tab leads; resolves when the tab stops. */
  const lead = () =>
    new Promise<void>((resolve) => {
      leading = true;
      // Taking over from another tab: what was sent in between is lost, so every tab re-reads once connected.
      let missed = heardAnotherLeader;
      let retryMs = FIRST_RETRY_MS;
      let source: EventSource | null = null;
      let retry: ReturnType<typeof setTimeout> | undefined;

      const emit = (event: OrgEvent) => {
        deliver(event);
        tell({ kind: "event", event });
      };
      const announce = (live: boolean) => {
        setLive(live);
        tell({ kind: "live", live });
      };
      const connect = () => {
        source = new EventSource(`/api/orgs/${encodeURIComponent(org)}/events`);
        source.addEventListener("ready", () => {
          retryMs = FIRST_RETRY_MS;
          announce(true);
          if (missed) emit({ type: "resync", org });
          missed = false;
        });
        source.onmessage = (message: MessageEvent<string>) => {
          const event = parseOrgEvent(message.data);
          if (event) emit(event);
        };
        source.onerror = () => {
          announce(false);
          missed = true;
          // CONNECTING: the browser reconnects by itself. CLOSED: refused (signed out, 429, 503) — try again later.
          if (source?.readyState === EventSource.CLOSED) {
            source = null;
            retry = setTimeout(connect, retryMs);
            retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
          }
        };
      };
      connect();
      stopped.signal.addEventListener("abort", () => {
        clearTimeout(retry);
        source?.close();
        leading = false;
        resolve();
      });
    });

  if (locks) {
    locks.request(name, { signal: stopped.signal }, lead).catch(() => undefined);
    tell({ kind: "hello" });
  } else {
    void lead();
  }
  return stream;
}
