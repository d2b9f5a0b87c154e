import "server-only";
import { env } from "@/lib/env";
import type { ListenHandlers } from "./listen-postgres";
import { openDatabase, type Database, type OpenDatabase } from "./open-database";

// On globalThis so that dev-server module reloads share one database (PGlite allows only one
// opener of its folder) and migrations run once per process.
const holder = globalThis as typeof globalThis & { grantdeskDatabase?: Promise<OpenDatabase> };

/**
 * The process's database, opened and migrated on first use; every caller awaits the same
 * promise. A failed opening (PostgreSQL down, folder not writable) is not kept: the next call
 * tries again.
 */
export async function db(): Promise<Database> {
  return (await opened()).db;
}

/** LISTENs on a channel of the process's database (see OpenDatabase.listen). */
export async function listenToDatabase(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>> {
  return (await opened()).listen(channel, handlers);
}

function opened(): Promise<OpenDatabase> {
  if (!holder.grantdeskDatabase) {
    const config = env();
    const opening = openDatabase({ databaseUrl: config.databaseUrl, migrationUrl: config.databaseMigrationUrl, dataDir: config.dataDir });
    holder.grantdeskDatabase = opening;
    opening.catch(() => {
      if (holder.grantdeskDatabase === opening) holder.grantdeskDatabase = undefined;
    });
  }
  return holder.grantdeskDatabase;
}

/** Closes the process's database, if it was opened (at exit: the embedded one flushes to disk). */
export async function closeDatabase(): Promise<void> {
  const opening = holder.grantdeskDatabase;
  holder.grantdeskDatabase = undefined;
  if (opening) await (await opening.catch(() => undefined))?.close();
}
