import type { NotificationTrigger } from "@/lib/contract/notifications";
import type { StoredTriggers } from "@/lib/db/notifications-schema";
import type { JobFacts, NotificationContent, RequestFacts, TokenFacts } from "./notification-content";

// Which notifications are due, from what the inventory and the job table hold (not from webhook
// events: a request found by the periodic sync and one a webhook delivered look the same here).
//
// Each candidate has a moment it became due — a request when it was made, a reminder when the
// request had waited N hours, a warning when the token came within N days of expiring, a job when
// it finished — and it is sent to a channel only if that moment is no earlier than both the
// trigger's switching on and the channel's. So switching a trigger on, or adding a channel, never
// floods it with the backlog: the daily digest is where the backlog is listed.

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
/**
 * How much earlier than a switching-on a moment may be and still count: GitHub gives times to the
 * second (a request made 0.4 s after a channel was added is listed 0.6 s before it) and its clock
 * and this server's differ a little.
 */
export const SINCE_GRACE_MS = 5_000;

/** An inventory row, as much of it as a notification needs. */
export interface InventoryCandidate {
  id: number;
  tokenId: number;
  tokenName: string;
  ownerLogin: string;
  reason: string | null;
  permissions: RequestFacts["permissions"];
  repositorySelection: RequestFacts["repositorySelection"];
  listedAt: Date;
  tokenExpired: boolean;
  tokenExpiresAt: Date | null;
  tokenLastUsedAt: Date | null;
  goneAt: Date | null;
}

/** A finished job as the database holds it: the facts a message shows, with the actor's login and a Date. */
export type JobCandidate = Omit<JobFacts, "actor" | "finishedAt"> & { actorLogin: string; finishedAt: Date | null };

/** What the database offers each trigger (lib/notifications/find-candidates.ts): a coarse cut, decided here. */
export interface Candidates {
  newRequests: InventoryCandidate[];
  pendingRequests: InventoryCandidate[];
  expiringTokens: InventoryCandidate[];
  jobs: JobCandidate[];
}

export interface ChannelTarget {
  id: string;
  enabled: boolean;
  enabledSince: Date;
}

export interface PlannedNotification {
  trigger: Exclude<NotificationTrigger, "digest" | "test">;
  subject: string;
  dueAt: Date;
  content: NotificationContent;
  channelIds: string[];
}

export function requestFacts(row: InventoryCandidate): RequestFacts {
  return {
    id: row.id,
    tokenId: row.tokenId,
    tokenName: row.tokenName,
    requester: row.ownerLogin,
    reason: row.reason,
    permissions: row.permissions,
    repositorySelection: row.repositorySelection,
    repositories: null,
    tokenExpiresAt: row.tokenExpiresAt?.toISOString() ?? null,
    requestedAt: row.listedAt.toISOString(),
  };
}

export function tokenFacts(row: InventoryCandidate): TokenFacts {
  return {
    id: row.id,
    tokenName: row.tokenName,
    owner: row.ownerLogin,
    permissions: row.permissions,
    repositorySelection: row.repositorySelection,
    tokenExpiresAt: row.tokenExpiresAt?.toISOString() ?? null,
    tokenLastUsedAt: row.tokenLastUsedAt?.toISOString() ?? null,
  };
}

export function jobFacts(job: JobCandidate): JobFacts {
  const { actorLogin, finishedAt, ...facts } = job;
  return { ...facts, actor: actorLogin, finishedAt: finishedAt?.toISOString() ?? null };
}

/** A token warning's subject: the grant and the expiry it warns about (a token renewed later warns again). */
export function expirySubject(id: number, expiresAt: Date): string {
  return `${id}@${Math.floor(expiresAt.getTime() / 1000)}`;
}

/** A job is worth a message when it was a bulk one (more than one id) or when it stopped. */
export function isNotableJob(job: Pick<JobCandidate, "total" | "status">): boolean {
  return job.status === "failed" || (job.total > 1 && (job.status === "done" || job.status === "cancelled"));
}

const sinceOf = (value: string | null) => (value === null ? null : new Date(new Date(value).getTime() - SINCE_GRACE_MS));

/** Every notification due now, with the channels it goes to (none: it is not planned). */
export function planNotifications(input: { org: string; triggers: StoredTriggers; channels: ChannelTarget[]; candidates: Candidates; now: Date }): PlannedNotification[] {
  const { org, triggers, candidates, now } = input;
  const channels = input.channels.filter((channel) => channel.enabled);
  const planned: PlannedNotification[] = [];

  const add = (trigger: PlannedNotification["trigger"], since: Date | null, subject: string, dueAt: Date, content: NotificationContent) => {
    if (since === null || dueAt.getTime() < since.getTime() || dueAt.getTime() > now.getTime()) return;
    const channelIds = channels.filter((channel) => dueAt.getTime() >= channel.enabledSince.getTime() - SINCE_GRACE_MS).map((channel) => channel.id);
    if (channelIds.length > 0) planned.push({ trigger, subject, dueAt, content, channelIds });
  };

  if (triggers.newRequest.enabled) {
    const since = sinceOf(triggers.newRequest.since);
    for (const row of candidates.newRequests.filter((request) => request.goneAt === null)) add("new_request", since, String(row.id), row.listedAt, { type: "new_request", org, request: requestFacts(row) });
  }
  if (triggers.pendingRequest.enabled) {
    const { hours } = triggers.pendingRequest;
    const since = sinceOf(triggers.pendingRequest.since);
    for (const row of candidates.pendingRequests.filter((request) => request.goneAt === null)) {
      add("pending_request", since, String(row.id), new Date(row.listedAt.getTime() + hours * HOUR_MS), { type: "pending_request", org, request: requestFacts(row), hours });
    }
  }
  if (triggers.tokenExpiring.enabled) {
    const { days } = triggers.tokenExpiring;
    const since = sinceOf(triggers.tokenExpiring.since);
    for (const row of candidates.expiringTokens) {
      const expiresAt = row.tokenExpiresAt;
      if (row.goneAt !== null || row.tokenExpired || expiresAt === null || expiresAt.getTime() <= now.getTime()) continue;
      add("token_expiring", since, expirySubject(row.id, expiresAt), new Date(expiresAt.getTime() - days * DAY_MS), { type: "token_expiring", org, token: tokenFacts(row), days });
    }
  }
  if (triggers.jobFinished.enabled) {
    const since = sinceOf(triggers.jobFinished.since);
    for (const job of candidates.jobs) {
      if (!isNotableJob(job) || job.finishedAt === null) continue;
      add("job_finished", since, job.id, job.finishedAt, { type: "job_finished", org, job: jobFacts(job) });
    }
  }
  return planned.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
