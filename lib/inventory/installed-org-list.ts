import "server-only";
import { count } from "drizzle-orm";
import { ApiError } from "@/lib/contract/api-error";
import type { OrgSummary } from "@/lib/contract/pat-rows";
import { db } from "@/lib/db/database";
import { githubInstallations } from "@/lib/db/inventory-schema";
import type { Database } from "@/lib/db/open-database";
import { GitHubError } from "@/lib/github/github-error";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { github } from "@/lib/github/shared-client";
import { listInstalledOrgs } from "@/lib/github/list-installed-orgs";
import { installedOrgs, refreshInstallations } from "./installations";

// Which orgs the app is installed on, as every owner check and `GET /api/orgs` ask it: from the
// github_installations table (refreshed from GitHub by the scheduler every 10 minutes and by
// installation webhooks), held in memory for a few seconds so a check costs no query. An org that
// is not on the list is refused without any GitHub call. GitHub is asked on demand only while
// the table has never been filled (a fresh database), once per process and at most once a minute,
// and while the database cannot be read and this process holds no earlier copy (at most once per
// FRESH_MS): reads that need no database (a token's repositories) keep working through an outage.

const FRESH_MS = 10_000;
const COLD_RETRY_MS = 60_000;

interface Snapshot {
  at: number;
  orgs: OrgSummary[];
  byName: Map<string, OrgSummary>;
}

interface Holder {
  snapshot?: Snapshot;
  loading?: Promise<Snapshot>;
  /** When the empty table last made this process ask GitHub. */
  coldRefreshAt?: number;
}

const holder = globalThis as typeof globalThis & { grantdeskInstalledOrgs?: Holder };
const state = (): Holder => (holder.grantdeskInstalledOrgs ??= {});

/** The orgs the app is installed on (not suspended, not removed), sorted by login. */
export async function installedOrgList(): Promise<OrgSummary[]> {
  return (await snapshot()).orgs;
}

/** Whether the app is installed on `org` (any case), by Grantdesk's list. */
export async function isInstalledOrg(org: string): Promise<boolean> {
  return (await snapshot()).byName.has(org.toLowerCase());
}

/** Drops the in-memory copy: the next check reads the table again (after a refresh or an installation webhook). */
export function forgetInstalledOrgs(): void {
  state().snapshot = undefined;
}

function snapshot(): Promise<Snapshot> {
  const current = state();
  if (current.snapshot && Date.now() - current.snapshot.at < FRESH_MS) return Promise.resolve(current.snapshot);
  current.loading ??= load().finally(() => {
    current.loading = undefined;
  });
  return current.loading;
}

async function load(): Promise<Snapshot> {
  let orgs: OrgSummary[];
  try {
    const database = await db();
    orgs = await installedOrgs(database);
    if (orgs.length === 0 && (await neverFilled(database)) && coldRefreshDue()) {
      state().coldRefreshAt = Date.now();
      orgs = await refreshInstallations(database, github());
    }
  } catch (error) {
    if (error instanceof GitHubError || error instanceof ApiError) throw error;
    console.error(`[installations] could not read the installed orgs from the database: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
    orgs = state().snapshot?.orgs ?? (await listInstalledOrgs());
  }
  const fresh: Snapshot = { at: Date.now(), orgs, byName: new Map(orgs.map((org) => [org.login.toLowerCase(), org])) };
  state().snapshot = fresh;
  return fresh;
}

async function neverFilled(database: Database): Promise<boolean> {
  const [row] = await database.select({ rows: count() }).from(githubInstallations);
  return (row?.rows ?? 0) === 0;
}

function coldRefreshDue(): boolean {
  const at = state().coldRefreshAt;
  return at === undefined || Date.now() - at > COLD_RETRY_MS;
}
