// The export streams: 100,000 records leave the route page by page, and the server's memory
// stays flat while they do (measured with forced garbage collection; printed, and bounded far
// below what holding the export would take). No timing is asserted.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHubEnv, type FakeGitHubEnv } from "@/test-support/fake-github-env";
import { db } from "@/lib/db/database";
import { GET as exportAudit } from "./[org]/audit/export/route";

const BATCHES = 100;
const IDS_PER_BATCH = 1_000;
const RECORDS = BATCHES * IDS_PER_BATCH;
const MiB = 1024 * 1024;

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

let github: FakeGitHubEnv;

beforeAll(async () => {
  github = await startFakeGitHubEnv({ seed: 3 });
  const database = await db();
  // 100 revokes of 1,000 tokens each, written by the database itself.
  const batchId = (n: string) => sql.raw(`('00000000-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`);
  await database.execute(sql`
    insert into audit_batches (id, org, action, actor_login, actor_id, reason)
    select ${batchId("b")}, 'acme', 'revoke', 'mona', 1001, 'Quarterly clean-up, "stale" tokens, batch ' || b
    from generate_series(1, ${BATCHES}) b`);
  await database.execute(sql`
    insert into audit_targets (batch_id, target_id, position, token_id, token_name, token_owner_login)
    select ${batchId("b")}, b * 10000 + p, p, 5000000 + b * 10000 + p, 'deploy-token-' || p, 'owner-' || (p % 97)
    from generate_series(1, ${BATCHES}) b, generate_series(0, ${IDS_PER_BATCH - 1}) p`);
  await database.execute(sql`
    insert into audit_outcomes (batch_id, target_id, outcome)
    select batch_id, target_id, 'accepted' from audit_targets`);
}, 120_000);

afterAll(async () => {
  await github?.close();
});

describe("GET /api/orgs/{org}/audit/export", () => {
  it("streams 100,000 records as CSV, in order, with the server's heap staying flat", async () => {
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    const response = await exportAudit(new NextRequest("http://grantdesk.test/api/orgs/acme/audit/export?format=csv", { headers: await github.browserHeaders() }), {
      params: Promise.resolve({ org: "acme" }),
    });
    expect(response.status).toBe(200);

    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    let carry = "";
    let lines = 0;
    let bytes = 0;
    let chunks = 0;
    let peakGrowth = 0;
    let previous = { batch: Infinity, position: -1 };
    let inOrder = true;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const parts = (carry + decoder.decode(value, { stream: true })).split("\r\n");
      carry = parts.pop()!;
      for (const line of parts) {
        lines++;
        if (lines === 1) continue;
        // target_id is the 7th field; the fields before it never hold a comma.
        const targetId = Number(line.split(",", 7)[6]);
        const current = { batch: Math.floor(targetId / 10000), position: targetId % 10000 };
        inOrder &&= current.batch < previous.batch || (current.batch === previous.batch && current.position === previous.position + 1);
        previous = current;
      }
      if (++chunks % 10 === 0) {
        collectGarbage();
        peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - baseline);
      }
    }
    expect(carry).toBe("");
    expect(lines).toBe(RECORDS + 1);
    expect(inOrder).toBe(true);
    expect(chunks).toBeGreaterThanOrEqual(RECORDS / 1_000);

    console.log(`[audit export] ${RECORDS} records, ${(bytes / MiB).toFixed(1)} MiB of CSV in ${chunks} chunks; peak live heap growth ${(peakGrowth / MiB).toFixed(1)} MiB`);
    // Holding the export would take at least its own size in the heap; streaming holds a page or two.
    expect(bytes).toBeGreaterThan(15 * MiB);
    expect(peakGrowth).toBeLessThan(bytes / 4);
  }, 300_000);
});
