// The cap on one user's queued and running jobs per org, on both engines: the job over it is
// refused with 429 `too_many_jobs` naming the cap, and stored nowhere (no job, no audit batch).

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditBatches } from "@/lib/db/schema";
import { bulkJobs } from "@/lib/db/jobs-schema";
import type { OpenDatabase } from "@/lib/db/open-database";
import { POSTGRES_SKIPPED, STORAGE_BACKENDS } from "@/test-support/test-databases";
import { confirmDraft, createJob } from "./create-job";

const MONA = { login: "mona", id: 1001 };
const OCTOCAT = { login: "octocat", id: 583_231 };

for (const backend of STORAGE_BACKENDS) {
  describe.skipIf(!backend.available)(`the active-job cap on ${backend.name}${backend.available ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
    let opened: OpenDatabase;
    beforeAll(async () => {
      opened = await backend.open();
    });
    afterAll(async () => {
      await opened?.close();
    });

    const queue = (org: string, actor = MONA) => createJob(opened.db, { org, actor, actedAs: "app", action: "revoke", ids: [1, 2, 3], maxActiveJobs: 2 });

    it("refuses a user's third queued or running job on an org, and lets others and other orgs be", async () => {
      const first = await queue("acme");
      await queue("acme");
      await opened.db.update(bulkJobs).set({ status: "running" }).where(eq(bulkJobs.id, first));
      const batches = await opened.db.$count(auditBatches);

      const refused = queue("ACME");
      await expect(refused).rejects.toMatchObject({ code: "too_many_jobs", status: 429 });
      await expect(refused).rejects.toThrow("You already have 2 bulk jobs queued or running on ACME, the most one person may have at once (2)");
      expect(await opened.db.$count(auditBatches)).toBe(batches);
      expect(await opened.db.$count(bulkJobs)).toBe(2);

      await queue("globex");
      await queue("acme", OCTOCAT);

      // A finished job frees its place.
      await opened.db.update(bulkJobs).set({ status: "done" }).where(eq(bulkJobs.id, first));
      await queue("acme");
    });

    it("refuses to confirm a draft over the cap, and keeps the draft", async () => {
      const draftId = randomUUID();
      await opened.db.insert(bulkJobs).values({
        id: draftId, org: "initech", kind: "tokens", action: "revoke", status: "draft", actorLogin: MONA.login, actorId: MONA.id,
        description: "3 tokens", total: 3, owners: 1, elevated: 0, chunks: 1,
      });
      await queue("initech");
      await queue("initech");
      await expect(confirmDraft(opened.db, { org: "initech", draftId, actor: MONA, actedAs: "app", maxActiveJobs: 2 })).rejects.toMatchObject({ code: "too_many_jobs" });
      const [draft] = await opened.db.select().from(bulkJobs).where(eq(bulkJobs.id, draftId));
      expect(draft!.status).toBe("draft");
    });

    it("lets only the cap through when one user queues many at once", async () => {
      const answers = await Promise.allSettled(Array.from({ length: 6 }, () => queue("umbrella")));
      expect(answers.filter((answer) => answer.status === "fulfilled")).toHaveLength(2);
      for (const answer of answers.filter((entry) => entry.status === "rejected")) expect((answer as PromiseRejectedResult).reason).toMatchObject({ code: "too_many_jobs" });
    });
  });
}
