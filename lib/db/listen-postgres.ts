import "server-only";
import { Client } from "pg";

// PostgreSQL's LISTEN needs a session of its own: a pooled connection goes back to the pool (and
// its LISTEN with it) after each query. So each listener holds one dedicated connection, and when
// that connection drops (a restart, a network blip) it connects again with a growing pause. While
// it is down notifications are lost; `onReconnect` tells the subscriber so that it can assume
// anything may have changed.

export interface ListenHandlers {
  onNotify(payload: string): void;
  /** Called after the connection came back from a drop: notifications sent meanwhile were missed. */
  onReconnect?(): void;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * LISTENs on `channel` over a dedicated connection to `databaseUrl`; resolves once the first
 * LISTEN is in place (rejects if it cannot be), with a function that stops listening.
 */
export async function listenPostgres(databaseUrl: string, channel: string, handlers: ListenHandlers): Promise<() => Promise<void>> {
  let client: Client | null = null;
  let stopped = false;
  let retryMs = FIRST_RETRY_MS;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // Errors on an idle connection arrive as events; without a handler they would crash the process.
    next.on("error", () => undefined);
    await next.connect();
    try {
      next.on("notification", (message) => {
        if (message.channel === channel && message.payload !== undefined) handlers.onNotify(message.payload);
      });
      await next.query(`LISTEN ${quoteIdentifier(channel)}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    next.once("end", () => {
      if (client !== next || stopped) return;
      client = null;
      console.warn(`[db] the LISTEN connection for ${channel} dropped; reconnecting`);
      scheduleReconnect();
    });
    client = next;
  };

  const scheduleReconnect = () => {
    retryTimer = setTimeout(() => {
      connect().then(
        () => {
          retryMs = FIRST_RETRY_MS;
          if (!stopped) handlers.onReconnect?.();
          else void client?.end();
        },
        () => {
          retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
          if (!stopped) scheduleReconnect();
        },
      );
    }, retryMs);
    retryTimer.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retryTimer);
    const current = client;
    client = null;
    await current?.end().catch(() => undefined);
  };
}

/** Channel names are Grantdesk's own constants; quoted anyway, as identifiers must be. */
function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
