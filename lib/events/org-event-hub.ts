import "server-only";
import { parseOrgEvent, type OrgEvent } from "@/lib/contract/org-events";
import { listenToDatabase } from "@/lib/db/database";
import type { ListenHandlers } from "@/lib/db/listen-postgres";
import { ORG_EVENTS_CHANNEL } from "./publish-org-event";

// One LISTEN per process, fanned out to the open event streams of this instance by org. The
// LISTEN starts with the first stream and stays (a connection of its own on PostgreSQL); when it
// reconnects after a drop, every stream is told to re-read (`resync`), since what was sent
// meanwhile is lost.

export type OrgEventListener = (event: OrgEvent) => void;
type Listen = (channel: string, handlers: ListenHandlers) => Promise<() => Promise<void>>;

export interface OrgEventHub {
  /** Hears the org's events until the returned function is called; rejects when the database cannot LISTEN. */
  subscribe(org: string, listener: OrgEventListener): Promise<() => void>;
  /** Streams open now, by user: what the per-user cap counts. */
  openStreams(userKey: string): number;
  /** Counts a stream of the user in; false (and nothing counted) when the user already has `max`. */
  admitStream(userKey: string, max: number): boolean;
  releaseStream(userKey: string): void;
  /** Stops listening (tests). */
  close(): Promise<void>;
}

export function createOrgEventHub(listen: Listen): OrgEventHub {
  const listeners = new Map<string, Set<OrgEventListener>>();
  const streams = new Map<string, number>();
  let listening: Promise<() => Promise<void>> | undefined;

  const dispatch = (event: OrgEvent) => {
    for (const listener of listeners.get(event.org.toLowerCase()) ?? []) {
      try {
        listener(event);
      } catch (error) {
        console.warn(`[events] a listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  const ensureListening = () => {
    if (!listening) {
      const started = listen(ORG_EVENTS_CHANNEL, {
        onNotify: (payload) => {
          const event = parseOrgEvent(payload);
          if (event) dispatch(event);
        },
        onReconnect: () => {
          for (const org of listeners.keys()) dispatch({ type: "resync", org });
        },
      });
      listening = started;
      // A database that cannot LISTEN now is asked again by the next stream.
      started.catch(() => {
        if (listening === started) listening = undefined;
      });
    }
    return listening;
  };

  return {
    async subscribe(org, listener) {
      await ensureListening();
      const key = org.toLowerCase();
      const set = listeners.get(key) ?? new Set();
      set.add(listener);
      listeners.set(key, set);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(key) === set) listeners.delete(key);
      };
    },
    openStreams: (userKey) => streams.get(userKey) ?? 0,
    admitStream(userKey, max) {
      const open = streams.get(userKey) ?? 0;
      if (open >= max) return false;
      streams.set(userKey, open + 1);
      return true;
    },
    releaseStream(userKey) {
      const open = (streams.get(userKey) ?? 1) - 1;
      if (open > 0) streams.set(userKey, open);
      else streams.delete(userKey);
    },
    async close() {
      const started = listening;
      listening = undefined;
      listeners.clear();
      if (started) await (await started.catch(() => async () => undefined))();
    },
  };
}

// On globalThis: route handlers and pages may load this module more than once (and the dev
// server reloads it), but the process keeps one LISTEN and one count of streams.
const holder = globalThis as typeof globalThis & { grantdeskOrgEventHub?: OrgEventHub };

/** The process's hub, on its database. */
export function orgEventHub(): OrgEventHub {
  holder.grantdeskOrgEventHub ??= createOrgEventHub(listenToDatabase);
  return holder.grantdeskOrgEventHub;
}
