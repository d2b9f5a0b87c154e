import "server-only";
import type { PatResource } from "@/lib/contract/pat-rows";
import { db } from "@/lib/db/database";
import type { Database } from "@/lib/db/open-database";
import { env } from "@/lib/env";
import { INSTANCE_ID } from "@/lib/instance";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { github } from "@/lib/github/shared-client";
import { forgetInstalledOrgs, installedOrgList } from "./installed-org-list";
import { refreshInstallations } from "./installations";
import { nudgeNotifier } from "@/lib/notifications/notifier";
import { syncList, type SyncOutcome } from "./sync-list";
import { readSyncStates } from "./sync-state";

// Keeps every installed org's inventory fresh: every few seconds each instance looks at which
// lists are due (never synced, older than their interval, or asked for with "Refresh") and syncs
// them. The lease in each list's sync row (sync-state.ts) makes sure only one instance reads a
// list at a time; the others see it running and serve what it stores.

const TICK_MS = 5_000;
const INSTALLATIONS_EVERY_MS = 10 * 60_000;
/** Lists one instance syncs at once. */
const MAX_RUNNING = 4;
const KINDS: PatResource[] = ["requests", "tokens"];


interface Scheduler {
  running: Map<string, Promise<SyncOutcome>>;
  installationsAt: number;
  timer?: NodeJS.Timeout;
  ticking: boolean;
}

const holder = globalThis as typeof globalThis & { grantdeskSyncScheduler?: Scheduler };

function scheduler(): Scheduler {
  holder.grantdeskSyncScheduler ??= { running: new Map(), installationsAt: 0, ticking: false };
  return holder.grantdeskSyncScheduler;
}

/** Starts the periodic syncs in this process (once; later calls do nothing). */
export function startInventoryScheduler(): void {
  const state = scheduler();
  if (state.timer) return;
  state.timer = setInterval(() => void tick(), TICK_MS);
  state.timer.unref();
  void tick();
}

/**
 * Has the next tick (within TICK_MS) ask GitHub for the app's installations, not the one 10
 * minutes on: GitHub has just sent someone back from installing the app. Costs at most one
 * GitHub call per tick, however often it is asked.
 */
export function refreshInstallationsSoon(): void {
  scheduler().installationsAt = 0;
}

/** Resolves once every sync this instance is running has ended (tests, and a graceful shutdown). */
export async function syncsSettled(): Promise<void> {
  while (scheduler().running.size > 0 || scheduler().ticking) {
    await Promise.allSettled([...scheduler().running.values()]);
    if (scheduler().ticking) await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs the syncs that are due now. Exported for "Refresh", which should not wait for the next tick. */
export async function tick(): Promise<void> {
  const state = scheduler();
  if (state.ticking) return;
  state.ticking = true;
  try {
    const database = await db();
    if (Date.now() - state.installationsAt > INSTALLATIONS_EVERY_MS) {
      await refreshInstallations(database, github());
      forgetInstalledOrgs();
      state.installationsAt = Date.now();
    }
    for (const org of await installedOrgList()) await startDueSyncs(database, org.login);
  } catch (error) {
    console.warn(`[inventory] scheduler: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
  } finally {
    state.ticking = false;
  }
}

async function startDueSyncs(database: Database, org: string): Promise<void> {
  const state = scheduler();
  const intervals = env().syncIntervalSeconds;
  const rows = new Map((await readSyncStates(database, org.toLowerCase())).map((row) => [row.kind, row]));
  const now = Date.now();
  for (const kind of KINDS) {
    const key = `${org.toLowerCase()}/${kind}`;
    if (state.running.has(key) || state.running.size >= MAX_RUNNING) continue;
    const row = rows.get(kind);
    const leased = row?.leaseUntil && row.leaseUntil.getTime() > now;
    const due = !row?.finishedAt || row.requestedAt !== null || now - row.finishedAt.getTime() >= intervals[kind] * 1000;
    if (leased || !due) continue;
    const run = syncList(org, kind, { database, client: github(), owner: INSTANCE_ID }).finally(() => state.running.delete(key));
    state.running.set(key, run);
    void run.then((outcome) => {
      // A sync may have brought a new request (or a token closer to expiry): notify now, not at the notifier's next tick.
      if (outcome.status === "done") nudgeNotifier();
      if (outcome.status === "failed") console.warn(`[inventory] sync of ${org} ${kind} failed: ${outcome.code}: ${outcome.message}`);
    });
  }
}
