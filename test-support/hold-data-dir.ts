// Test helper, run as its own process (see open-database.test.ts): opens the embedded database in
// the folder given, records one action, says "ready" and then waits, holding the folder, until it
// is killed.
import { recordIntent } from "@/lib/audit/record-intent";
import { recordOutcomes } from "@/lib/audit/record-outcomes";
import { openDatabase } from "@/lib/db/open-database";

const [dataDir, batchId] = process.argv.slice(2);
const opened = await openDatabase({ dataDir: dataDir! });
await recordIntent(opened.db, { batchId: batchId!, org: "acme", action: "revoke", actor: { login: "mona", id: 1001 }, actedAs: "app", ids: [7, 8], snapshots: new Map() });
await recordOutcomes(opened.db, batchId!, [{ id: 7, ok: true }]);
console.log("ready");
setInterval(() => undefined, 60_000);
