// npm run audit:verify [-- --org NAME] — checks the audit trail's hash chain of every org (or one)
// in the configured database and names the first broken record of each. Exits 1 when any is
// broken, 2 when the database cannot be opened. Reads only DATABASE_URL, DATABASE_MIGRATION_URL
// and DATA_DIR. With the embedded database, stop the server first (one process per folder) or use
// the audit page's "Verify trail" button.
import { parseArgs } from "node:util";
import { chainedOrgs, verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { openConfiguredDatabase } from "./configured-database";

const { values } = parseArgs({ options: { org: { type: "string" } } });

const opened = await openConfiguredDatabase("audit:verify");
let broken = 0;
try {
  const orgs = values.org ? [values.org.toLowerCase()] : await chainedOrgs(opened.db);
  if (orgs.length === 0) console.log("audit:verify: the trail is empty");
  for (const org of orgs) {
    const result = await verifyAuditChain(opened.db, org);
    const before = result.beforeChain > 0 ? ` (${result.beforeChain} earlier action(s) predate the chain and are not covered)` : "";
    if (result.ok) {
      console.log(`${org}: intact — ${result.links} link(s), head ${result.head ?? "none"}${before}`);
      continue;
    }
    broken += 1;
    const at = result.firstBreak!;
    const where = [at.position === null ? "no link" : `link ${at.position}`, `batch ${at.batchId}`, at.kind, at.targetId === null ? null : `id ${at.targetId}`]
      .filter(Boolean)
      .join(", ");
    console.log(`${org}: BROKEN at ${where}: ${at.problem}. ${result.links} link(s) before it check out, last good head ${result.head ?? "none"}${before}`);
  }
} finally {
  await opened.close();
}
process.exit(broken > 0 ? 1 : 0);
