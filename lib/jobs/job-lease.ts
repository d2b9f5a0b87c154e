import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { bulkJobs } from "@/lib/db/jobs-schema";
import type { Database } from "@/lib/db/open-database";

// The job rows are the queue (no queue library runs on both PGlite and PostgreSQL; see the README's
// design notes). An instance claims a job with one UPDATE over a FOR UPDATE SKIP LOCKED pick, which
// only one instance can win, and holds it by a lease it renews while it works. Only an org's oldest
// unfinished job can be claimed, so one org's jobs run one at a time, in order, across every
// instance, while other orgs' jobs run beside it. A crashed instance's lease lapses and another
// instance takes the job over where it stopped.

export const JOB_LEASE_MS = 30_000;

export type Job = typeof bulkJobs.$inferSelect;

/** Claims the next job this instance may work on, or null. */
export async function claimNextJob(database: Database, owner: string): Promise<Job | null> {
  const result = await database.execute(sql`
    update bulk_jobs j
       set lease_owner = ${owner},
           lease_until = now() + make_interval(secs => ${JOB_LEASE_MS / 1000}),
           status = 'running',
           started_at = coalesce(j.started_at, now())
     where j.id = (
             select c.id from bulk_jobs c
              where c.status in ('queued', 'running')
                and (c.lease_until is null or c.lease_until < now())
                and c.id = (select x.id from bulk_jobs x
                             where x.org = c.org and x.status in ('queued', 'running')
                             order by x.confirmed_at, x.id limit 1)
              order by c.confirmed_at, c.id
              limit 1
                for update skip locked)
       and (j.lease_until is null or j.lease_until < now())
    returning j.id`);
  const id = (result as unknown as { rows: { id: string }[] }).rows[0]?.id;
  if (!id) return null;
  const [job] = await database.select().from(bulkJobs).where(eq(bulkJobs.id, id));
  return job ?? null;
}

export class LeaseLost extends Error {
  override name = "LeaseLost";
}

/**
 * Writes to the job while this instance still holds it, renewing the lease; throws LeaseLost when
 * another instance has taken it over (this one stalled past its lease): it must then stop.
 */
export async function updateHeldJob(database: Pick<Database, "update">, jobId: string, owner: string, changes: Partial<Job>): Promise<void> {
  const updated = await database
    .update(bulkJobs)
    .set({ leaseUntil: new Date(Date.now() + JOB_LEASE_MS), ...changes })
    .where(and(eq(bulkJobs.id, jobId), eq(bulkJobs.leaseOwner, owner)))
    .returning({ id: bulkJobs.id });
  if (updated.length !== 1) throw new LeaseLost(`job ${jobId} is no longer held by this instance`);
}
