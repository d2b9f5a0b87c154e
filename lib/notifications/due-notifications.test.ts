import { describe, expect, it } from "vitest";
import type { StoredTriggers } from "@/lib/db/notifications-schema";
import { expirySubject, isNotableJob, planNotifications, type Candidates, type InventoryCandidate, type JobCandidate } from "./due-notifications";

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const now = new Date("2026-11-30T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const ahead = (ms: number) => new Date(now.getTime() + ms);
/** Switched on two days ago. */
const on = ago(2 * DAY);

const triggers = (changes: Partial<StoredTriggers> = {}): StoredTriggers => ({
  newRequest: { enabled: true, since: on.toISOString() },
  pendingRequest: { enabled: true, hours: 24, since: on.toISOString() },
  tokenExpiring: { enabled: true, days: 7, since: on.toISOString() },
  jobFinished: { enabled: true, since: on.toISOString() },
  digest: { enabled: true, hour: 9, timeZone: "UTC", since: on.toISOString() },
  ...changes,
});

let nextId = 1;
const row = (changes: Partial<InventoryCandidate> = {}): InventoryCandidate => ({
  id: nextId++,
  tokenId: 5000000 + nextId,
  tokenName: `token-${nextId}`,
  ownerLogin: "hubot",
  reason: "why",
  permissions: { organization: {}, repository: { contents: "write" }, other: {} },
  repositorySelection: "all",
  listedAt: ago(HOUR),
  tokenExpired: false,
  tokenExpiresAt: ahead(30 * DAY),
  tokenLastUsedAt: null,
  goneAt: null,
  ...changes,
});
const job = (changes: Partial<JobCandidate> = {}): JobCandidate => ({
  id: `00000000-0000-4000-8000-${String(nextId++).padStart(12, "0")}`,
  kind: "tokens",
  action: "revoke",
  status: "done",
  actorLogin: "mona",
  description: "tokens matching Expired",
  total: 20,
  accepted: 20,
  skipped: 0,
  failed: 0,
  lastError: null,
  finishedAt: ago(HOUR),
  ...changes,
});
const none: Candidates = { newRequests: [], pendingRequests: [], expiringTokens: [], jobs: [] };
const channel = { id: "c1", enabled: true, enabledSince: on };

const plan = (candidates: Partial<Candidates>, options: { triggers?: StoredTriggers; channels?: (typeof channel)[] } = {}) =>
  planNotifications({ org: "acme", triggers: options.triggers ?? triggers(), channels: options.channels ?? [channel], candidates: { ...none, ...candidates }, now });

describe("new requests", () => {
  it("notifies a request made after the trigger was switched on, once per request, with its facts", () => {
    const fresh = row({ listedAt: ago(5 * 60_000), reason: "Nightly backups" });
    const [planned, ...rest] = plan({ newRequests: [fresh] });
    expect(rest).toEqual([]);
    expect(planned).toMatchObject({ trigger: "new_request", subject: String(fresh.id), channelIds: ["c1"] });
    expect(planned!.content).toMatchObject({ type: "new_request", org: "acme", request: { id: fresh.id, requester: "hubot", reason: "Nightly backups", repositories: null } });
  });

  it("leaves out requests made before it was switched on, reviewed ones, and everything when it is off", () => {
    expect(plan({ newRequests: [row({ listedAt: ago(3 * DAY) }), row({ goneAt: ago(60_000) })] })).toEqual([]);
    expect(plan({ newRequests: [row()] }, { triggers: triggers({ newRequest: { enabled: false, since: null } }) })).toEqual([]);
  });

  it("sends to each channel switched on since the request came, and to no channel switched off", () => {
    const request = row({ listedAt: ago(HOUR) });
    const channels = [channel, { id: "late", enabled: true, enabledSince: ago(10 * 60_000) }, { id: "off", enabled: false, enabledSince: on }];
    expect(plan({ newRequests: [request] }, { channels })[0]!.channelIds).toEqual(["c1"]);
    expect(plan({ newRequests: [request] }, { channels: [] })).toEqual([]);
  });

  it("counts a request GitHub dates a moment before the channel was added (its times are whole seconds), not one made well before", () => {
    const added = ago(60_000);
    const channels = [{ id: "new", enabled: true, enabledSince: added }];
    const truncated = row({ listedAt: new Date(added.getTime() - 600) });
    const before = row({ listedAt: new Date(added.getTime() - 10_000) });
    expect(plan({ newRequests: [truncated, before] }, { channels }).map((entry) => entry.subject)).toEqual([String(truncated.id)]);
  });
});

describe("requests waiting too long", () => {
  it("reminds once a request has waited N hours, if it crossed that line after the trigger was on", () => {
    const crossed = row({ listedAt: ago(25 * HOUR) });
    const notYet = row({ listedAt: ago(23 * HOUR) });
    const crossedBeforeOn = row({ listedAt: ago(4 * DAY) });
    const planned = plan({ pendingRequests: [crossed, notYet, crossedBeforeOn] });
    expect(planned.map((entry) => [entry.trigger, entry.subject])).toEqual([["pending_request", String(crossed.id)]]);
    expect(planned[0]!.content).toMatchObject({ type: "pending_request", hours: 24 });
  });
});

describe("tokens expiring", () => {
  it("warns once a token comes within N days of expiry, its subject naming grant and expiry", () => {
    const expiresAt = ahead(6 * DAY);
    const soon = row({ tokenExpiresAt: expiresAt });
    const later = row({ tokenExpiresAt: ahead(8 * DAY) });
    const expired = row({ tokenExpiresAt: ago(HOUR) });
    const flagged = row({ tokenExpired: true, tokenExpiresAt: ahead(DAY) });
    // Entered the window 4 days ago, before the trigger was switched on 2 days ago.
    const enteredBeforeOn = row({ tokenExpiresAt: ahead(3 * DAY) });
    const planned = plan({ expiringTokens: [soon, later, expired, flagged, enteredBeforeOn] });
    expect(planned.map((entry) => entry.subject)).toEqual([expirySubject(soon.id, expiresAt)]);
    expect(planned[0]!.content).toMatchObject({ type: "token_expiring", days: 7, token: { id: soon.id, owner: "hubot" } });
    expect(expirySubject(7, new Date("2026-12-06T12:00:00.500Z"))).toBe("7@1796558400");
  });
});

describe("jobs", () => {
  it("tells of bulk jobs that finished, were cancelled or stopped, and of any job that stopped", () => {
    const bulk = job();
    const cancelled = job({ status: "cancelled" });
    const single = job({ total: 1, accepted: 1 });
    const stoppedSingle = job({ total: 1, status: "failed", lastError: "GitHub unreachable" });
    const before = job({ finishedAt: ago(3 * DAY) });
    const subjects = plan({ jobs: [bulk, cancelled, single, stoppedSingle, before] }).map((entry) => entry.subject);
    expect(subjects.sort()).toEqual([bulk.id, cancelled.id, stoppedSingle.id].sort());
    expect(isNotableJob({ total: 5, status: "running" })).toBe(false);
  });
});

it("orders everything by when it became due", () => {
  const request = row({ listedAt: ago(10 * 60_000) });
  const finished = job({ finishedAt: ago(30 * 60_000) });
  expect(plan({ newRequests: [request], jobs: [finished] }).map((entry) => entry.trigger)).toEqual(["job_finished", "new_request"]);
});
