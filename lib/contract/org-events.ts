// What an open page hears about its org without asking (`GET /api/orgs/{org}/events`, a stream of
// Server-Sent Events): that something changed, never the data itself — the page then re-reads
// what it shows through the ordinary routes, which authorize every read.

import type { PatResource } from "./pat-rows";

export type OrgEvent =
  /**
   * The inventory of these lists moved: a sync started or ended (`changed: false` when it found
   * nothing new), or rows changed (`changed: true`: a sync, a webhook delivery, a job's writes).
   */
  | { type: "inventory"; org: string; lists: PatResource[]; changed: boolean }
  /** A bulk job of the org progressed, finished or failed. */
  | { type: "job"; org: string; jobId: string }
  /** A webhook delivery about the org arrived (the settings page shows the last one). */
  | { type: "webhook"; org: string }
  /** Events may have been missed (the stream or the database's LISTEN reconnected): re-read everything. */
  | { type: "resync"; org: string };

export type OrgEventType = OrgEvent["type"];

const LISTS = new Set<unknown>(["requests", "tokens"]);

/** Reads an event back from its JSON (a NOTIFY payload, an SSE message); null when it is not one. */
export function parseOrgEvent(text: string): OrgEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const event = value as Record<string, unknown>;
  if (typeof event.org !== "string") return null;
  switch (event.type) {
    case "inventory":
      return Array.isArray(event.lists) && event.lists.every((list) => LISTS.has(list)) && typeof event.changed === "boolean"
        ? { type: "inventory", org: event.org, lists: event.lists as PatResource[], changed: event.changed }
        : null;
    case "job":
      return typeof event.jobId === "string" ? { type: "job", org: event.org, jobId: event.jobId } : null;
    case "webhook":
    case "resync":
      return { type: event.type, org: event.org };
    default:
      return null;
  }
}
