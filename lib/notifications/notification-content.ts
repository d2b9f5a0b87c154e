import type { JobStatusName } from "@/lib/contract/jobs";
import type { PermissionSet, RepositorySelection } from "@/lib/contract/pat-rows";
import { formatDate, formatRelative } from "@/lib/format/format-date";
import { summarizePermissions } from "@/lib/format/summarize-permissions";

// What a notification says, as facts frozen when it was queued (the `payload` of its record), and
// the wording both channels share: the one-line summary, links into Grantdesk, permissions with
// write and admin marked, repository access and expiry. slack-message.ts and email-message.ts
// lay these out; neither decides what to say.

export interface RequestFacts {
  id: number;
  tokenId: number;
  tokenName: string;
  requester: string;
  reason: string | null;
  permissions: PermissionSet;
  repositorySelection: RepositorySelection;
  /** For a `subset` selection: the first names GitHub listed and how many there are (null: more than were read). */
  repositories: { names: string[]; total: number | null } | null;
  tokenExpiresAt: string | null;
  requestedAt: string;
}

export interface TokenFacts {
  id: number;
  tokenName: string;
  owner: string;
  permissions: PermissionSet;
  repositorySelection: RepositorySelection;
  tokenExpiresAt: string | null;
  tokenLastUsedAt: string | null;
}

export interface JobFacts {
  id: string;
  kind: "requests" | "tokens";
  action: "approve" | "deny" | "revoke";
  status: JobStatusName;
  actor: string;
  description: string;
  total: number;
  accepted: number;
  skipped: number;
  failed: number;
  lastError: string | null;
  finishedAt: string | null;
}

/** One list of a digest: the first items, and how many there are in all. */
export interface DigestList<T> {
  total: number;
  items: T[];
}

export interface DigestFacts {
  /** The org's local date it is for (YYYY-MM-DD) and the zone that date is in. */
  date: string;
  timeZone: string;
  pending: DigestList<Pick<RequestFacts, "id" | "tokenName" | "requester" | "requestedAt" | "permissions">>;
  expiring: DigestList<Pick<TokenFacts, "id" | "tokenName" | "owner" | "tokenExpiresAt">>;
  newlyUnused: DigestList<Pick<TokenFacts, "id" | "tokenName" | "owner" | "tokenLastUsedAt">>;
}

export type NotificationContent =
  | { type: "new_request"; org: string; request: RequestFacts }
  | { type: "pending_request"; org: string; request: RequestFacts; hours: number }
  | { type: "token_expiring"; org: string; token: TokenFacts; days: number }
  | { type: "job_finished"; org: string; job: JobFacts }
  | { type: "digest"; org: string; digest: DigestFacts }
  | { type: "test"; org: string; channelName: string };

export interface RenderContext {
  /** Grantdesk's public URL (APP_URL): every link is absolute. */
  appUrl: string;
  now: Date;
}

/** Items each digest list shows; the rest is a count and a link to the filtered table. */
export const DIGEST_ITEMS = 10;
/** Permissions a message lists before "and N more". */
const MAX_PERMISSIONS = 12;

const org = (appUrl: string, name: string) => `${appUrl}/orgs/${encodeURIComponent(name)}`;

export const links = {
  request: (appUrl: string, name: string, id: number) => `${org(appUrl, name)}/requests?request=${id}`,
  token: (appUrl: string, name: string, id: number) => `${org(appUrl, name)}/tokens?token=${id}`,
  job: (appUrl: string, name: string, id: string) => `${org(appUrl, name)}/jobs?job=${encodeURIComponent(id)}`,
  settings: (appUrl: string, name: string) => `${org(appUrl, name)}/settings`,
  /** The queue, oldest first. */
  pendingQueue: (appUrl: string, name: string) => `${org(appUrl, name)}/requests?sort=listed&direction=asc`,
  expiringTokens: (appUrl: string, name: string) => `${org(appUrl, name)}/tokens?signal=expiring-7&sort=expires&direction=asc`,
  unusedTokens: (appUrl: string, name: string) => `${org(appUrl, name)}/tokens?unused_days=90&sort=last-used&direction=desc`,
};

const numbers = new Intl.NumberFormat("en");
export const count = (n: number, one: string, other = `${one}s`) => `${numbers.format(n)} ${n === 1 ? one : other}`;

const ACTION_WORDS = { approve: "approval", deny: "denial", revoke: "revocation" } as const;
const JOB_OUTCOME = { done: "finished", cancelled: "was cancelled", failed: "stopped", draft: "is a draft", queued: "is queued", running: "is running" } as const;

/** The title: what happened, in a few words. */
export function titleOf(content: NotificationContent): string {
  switch (content.type) {
    case "new_request":
      return `New token request in ${content.org}`;
    case "pending_request":
      return `Token request waiting over ${count(content.hours, "hour")} in ${content.org}`;
    case "token_expiring":
      return `Token expiring within ${count(content.days, "day")} in ${content.org}`;
    case "job_finished":
      return `Bulk ${ACTION_WORDS[content.job.action]} ${JOB_OUTCOME[content.job.status]} in ${content.org}`;
    case "digest":
      return `Daily digest for ${content.org}, ${formatDate(`${content.digest.date}T12:00:00Z`)}`;
    case "test":
      return `Test message from Grantdesk for ${content.org}`;
  }
}

/** One line: the record's summary and the email's subject. */
export function summaryOf(content: NotificationContent): string {
  switch (content.type) {
    case "new_request":
      return `New request from ${content.request.requester}: ${content.request.tokenName}`;
    case "pending_request":
      return `${content.request.requester}'s request ${content.request.tokenName} has waited over ${count(content.hours, "hour")}`;
    case "token_expiring":
      return `${content.token.owner}'s token ${content.token.tokenName} expires ${content.token.tokenExpiresAt ? formatDate(content.token.tokenExpiresAt) : "soon"}`;
    case "job_finished":
      return `${jobOutcome(content.job)}`;
    case "digest": {
      const { pending, expiring, newlyUnused } = content.digest;
      return `Digest: ${count(pending.total, "pending request")}, ${count(expiring.total, "token")} expiring within 7 days, ${count(newlyUnused.total, "token")} newly unused for 90 days`;
    }
    case "test":
      return `Test message to ${content.channelName}`;
  }
}

/** "mona's revocation of 250 tokens (tokens matching Expired) finished: 248 accepted, 1 skipped, 1 failed." */
export function jobOutcome(job: JobFacts): string {
  const noun = job.kind === "requests" ? "request" : "token";
  const parts = [`${numbers.format(job.accepted)} accepted`];
  if (job.skipped > 0) parts.push(`${numbers.format(job.skipped)} skipped`);
  if (job.failed > 0) parts.push(`${numbers.format(job.failed)} failed`);
  const left = job.total - job.accepted - job.skipped - job.failed;
  if (left > 0) parts.push(`${numbers.format(left)} not sent`);
  return `${job.actor}'s ${ACTION_WORDS[job.action]} of ${count(job.total, noun)} ${JOB_OUTCOME[job.status]}: ${parts.join(", ")}`;
}

export interface PermissionLine {
  text: string;
  elevated: boolean;
}

/** "Contents: write" lines, write and admin first and marked; at most a dozen, then "and N more". */
export function permissionLines(permissions: PermissionSet): { lines: PermissionLine[]; more: number; elevated: number } {
  const summary = summarizePermissions(permissions);
  const lines = summary.entries.slice(0, MAX_PERMISSIONS).map((entry) => ({ text: `${entry.label}: ${entry.level}`, elevated: entry.elevated }));
  return { lines, more: Math.max(0, summary.entries.length - MAX_PERMISSIONS), elevated: summary.elevated.length };
}

/** "All repositories", "3 selected: api, web, docs", "No repositories". */
export function repositoryAccess(request: Pick<RequestFacts, "repositorySelection" | "repositories">): string {
  if (request.repositorySelection === "all") return "All repositories";
  if (request.repositorySelection === "none") return "No repositories (organization permissions only)";
  const known = request.repositories;
  if (!known || known.names.length === 0) return "Selected repositories";
  const total = known.total ?? known.names.length;
  const more = known.total === null ? " and more" : total > known.names.length ? ` and ${numbers.format(total - known.names.length)} more` : "";
  return `${known.total === null ? "Over " : ""}${count(total, "selected repository", "selected repositories")}: ${known.names.join(", ")}${more}`;
}

/** "12 Mar 2026 (in 5 days)", "Never". */
export function expiryText(expiresAt: string | null, now: Date): string {
  if (expiresAt === null) return "Never";
  return `${formatDate(expiresAt)} (${formatRelative(expiresAt, now)})`;
}

/** "10 days", "3 hours", "5 minutes": how long a request has waited. */
export function waitedText(since: string, now: Date): string {
  const ms = Math.max(0, now.getTime() - new Date(since).getTime());
  if (ms >= 24 * 60 * 60_000) return count(Math.floor(ms / (24 * 60 * 60_000)), "day");
  if (ms >= 60 * 60_000) return count(Math.floor(ms / (60 * 60_000)), "hour");
  return count(Math.floor(ms / 60_000), "minute");
}

/** "3 days ago", for when a request was made or a token last used. */
export function agoText(at: string | null, now: Date): string {
  return at === null ? "never" : formatRelative(at, now);
}
