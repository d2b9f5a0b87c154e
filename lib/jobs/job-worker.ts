import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { bulkJobs } from "@/lib/db/jobs-schema";
import { db } from "@/lib/db/database";
import { redactSecrets } from "@/lib/github/redact-secrets";
import { github } from "@/lib/github/shared-client";
import { INSTANCE_ID } from "@/lib/instance";
import { isShuttingDown, trackWork } from "@/lib/lifecycle/shutdown";
import { DRAFT_LIFETIME_MS } from "./create-job";
import { claimNextJob } from "./job-lease";
import { runJob } from "./run-job";

// Each instance works jobs in a few slots: a slot claims the next job it may (lib/jobs/job-lease),
// works it through, and looks again. Idle slots look every half second, or at once when this
// instance queues a job. On shutdown (SIGTERM: lib/lifecycle/shutdown.ts) no new chunk starts; the chunks in flight finish and are
// recorded, and their jobs are handed back for another instance (or the restart) to continue.

const SLOTS = 4;
const IDLE_MS = 500;
const CLEANUP_EVERY_MS = 60_000;

interface Worker {
  stopping: boolean;
  running: Set<Promise<void>>;
  wakers: Set<() => void>;
  loops: Promise<void>[];
  cleanedAt: number;
}

const holder = globalThis as typeof globalThis & { grantdeskJobWorker?: Worker };

function idle(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      worker.wakers.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, IDLE_MS);
    timer.unref();
    worker.wakers.add(wake);
  });
}

async function slot(worker: Worker): Promise<void> {
  while (!worker.stopping && !isShuttingDown()) {
    try {
      const database = await db();
      if (Date.now() - worker.cleanedAt > CLEANUP_EVERY_MS) {
        worker.cleanedAt = Date.now();
        await database.delete(bulkJobs).where(and(eq(bulkJobs.status, "draft"), lt(bulkJobs.createdAt, new Date(Date.now() - DRAFT_LIFETIME_MS))));
      }
      const job = await claimNextJob(database, INSTANCE_ID);
      if (!job) {
        await idle(worker);
        continue;
      }
      // Tracked, so a SIGTERM waits for the chunk in flight to be recorded before the process exits.
      const run = trackWork(() => runJob(job, { database, client: github(), owner: INSTANCE_ID, stopping: () => worker.stopping || isShuttingDown() }));
      worker.running.add(run);
      await run.finally(() => worker.running.delete(run));
    } catch (error) {
      console.warn(`[jobs] worker: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
      await idle(worker);
    }
  }
}

/** Starts this instance's job slots (once). */
export function startJobWorker(): void {
  if (holder.grantdeskJobWorker) return;
  const worker: Worker = { stopping: false, running: new Set(), wakers: new Set(), loops: [], cleanedAt: 0 };
  holder.grantdeskJobWorker = worker;
  for (let index = 0; index < SLOTS; index++) worker.loops.push(slot(worker));
}

/** A job was just queued here: idle slots look at once instead of at their next turn. */
export function wakeJobWorker(): void {
  for (const wake of [...(holder.grantdeskJobWorker?.wakers ?? [])]) wake();
}

/** Stops taking work: resolves once every chunk in flight is recorded and its job handed back. */
export async function stopJobWorker(): Promise<void> {
  const worker = holder.grantdeskJobWorker;
  if (!worker) return;
  worker.stopping = true;
  wakeJobWorker();
  await Promise.allSettled([...worker.running, ...worker.loops]);
}
