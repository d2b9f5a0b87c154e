import "server-only";
import { db } from "@/lib/db/database";
import { env } from "@/lib/env";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { listRequestRepositories } from "@/lib/github/list-repositories";
import { github } from "@/lib/github/shared-client";
import { INSTANCE_ID } from "@/lib/instance";
import { isShuttingDown, trackWork } from "@/lib/lifecycle/shutdown";
import { secretBox } from "@/lib/security/secret-box";
import { defaultSender, deliverNotification, type DeliveryDeps } from "./deliver-notification";
import type { RequestFacts } from "./notification-content";
import { claimDueNotifications } from "./notification-queue";
import { queueDueNotifications } from "./queue-due";
import { seedNotificationSettings } from "./seed-settings";

// Each instance's notifier: every NOTIFY_INTERVAL_SECONDS (30 by default) it queues what became
// due (queue-due.ts) and sends what is queued (a few at a time, each under its own lease). It
// runs beside requests, never inside one: a review or revoke neither waits for a notification nor
// fails because of one. nudgeNotifier() runs a pass now — after a sync or a webhook brought a new
// request, say — instead of at the next tick.

/** Notifications sent at once by one instance. */
const CONCURRENCY = 4;
/** How many repository names a request's message lists. */
const REPOSITORY_NAMES = 10;

interface Notifier {
  timer?: NodeJS.Timeout;
  running: Promise<void> | null;
  /** A nudge arrived during a pass: run another one after it. */
  again: boolean;
  seeded: boolean;
}

const holder = globalThis as typeof globalThis & { grantdeskNotifier?: Notifier };

function notifier(): Notifier {
  holder.grantdeskNotifier ??= { running: null, again: false, seeded: false };
  return holder.grantdeskNotifier;
}

async function requestRepositories(org: string, id: number): Promise<RequestFacts["repositories"]> {
  const page = await listRequestRepositories(org, id, { page: 1, perPage: 100 }, github());
  const names = page.items.map((repository) => repository.name);
  return { names: names.slice(0, REPOSITORY_NAMES), total: page.hasNextPage ? null : names.length };
}

export async function deliveryDeps(): Promise<DeliveryDeps> {
  const config = env();
  return {
    database: await db(),
    box: secretBox(config.authSecret),
    owner: INSTANCE_ID,
    appUrl: config.appUrl,
    instanceSmtp: { url: config.notifications.smtpUrl, from: config.notifications.smtpFrom ?? defaultSender(config.appUrl) },
    requestRepositories,
  };
}

/** Sends every notification due now, CONCURRENCY at a time; answers how many were attempted. */
export async function sendDueNotifications(deps: DeliveryDeps): Promise<number> {
  let attempted = 0;
  const worker = async () => {
    // On SIGTERM no new send starts; one in flight finishes and is recorded (trackWork), so the
    // instance that takes over does not send it again.
    while (!isShuttingDown()) {
      const [row] = await claimDueNotifications(deps.database, deps.owner, 1);
      if (!row) return;
      attempted++;
      await trackWork(() => deliverNotification(row, deps));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return attempted;
}

async function pass(): Promise<void> {
  const state = notifier();
  try {
    const deps = await deliveryDeps();
    if (!state.seeded) {
      state.seeded = true;
      await seedNotificationSettings(deps.database, env().notifications.seed, deps.box);
    }
    await queueDueNotifications(deps.database);
    await sendDueNotifications(deps);
  } catch (error) {
    console.warn(`[notifications] notifier: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
  }
}

/** Runs a pass unless one is running; a nudge during a pass asks for one more after it. */
function runPass(): Promise<void> {
  const state = notifier();
  if (isShuttingDown()) return Promise.resolve();
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = (async () => {
    do {
      state.again = false;
      await pass();
    } while (state.again);
  })().finally(() => {
    state.running = null;
  });
  return state.running;
}

/** Starts this instance's notifier (once; later calls do nothing). */
export function startNotifier(): void {
  const state = notifier();
  if (state.timer) return;
  state.timer = setInterval(() => void runPass(), env().notifications.intervalSeconds * 1000);
  state.timer.unref();
  void runPass();
}

/** Something may have become due (a new request arrived): look now rather than at the next tick. */
export function nudgeNotifier(): void {
  void runPass();
}

/** Resolves when the pass in progress, if any, has ended (tests, shutdown). */
export async function notifierSettled(): Promise<void> {
  await notifier().running;
}
