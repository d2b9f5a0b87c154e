import "server-only";

// Stopping cleanly on SIGTERM (an orchestrator replacing the container, Ctrl-C): take no new
// writes, let the ones in flight finish the chunk they are sending and record its outcome (and
// "not sent" for the rest), then exit. Reads are not tracked: one cut short is simply retried by
// the browser. Kept on globalThis: Next loads route modules in several bundles in one process.

interface Lifecycle {
  shuttingDown: boolean;
  work: Set<Promise<unknown>>;
  handlerInstalled: boolean;
}

const store = globalThis as typeof globalThis & { grantdeskLifecycle?: Lifecycle };
const state = (store.grantdeskLifecycle ??= { shuttingDown: false, work: new Set(), handlerInstalled: false });

/** True once SIGTERM (or SIGINT) arrived: writes in flight stop after their current chunk, new ones are refused. */
export function isShuttingDown(): boolean {
  return state.shuttingDown;
}

/** Runs a write that must finish (and record its outcome) before the process exits. */
export function trackWork<T>(work: () => Promise<T>): Promise<T> {
  const running = work();
  const settled = running.then(
    () => undefined,
    () => undefined,
  );
  state.work.add(settled);
  void settled.then(() => state.work.delete(settled));
  return running;
}

export function beginShutdown(): void {
  state.shuttingDown = true;
}

/** Waits for the tracked writes, at most `timeoutMs`; says whether they all finished. */
export async function drainWork(timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const drained = (async () => {
      // New work may start while earlier work ends (a request accepted just before the signal).
      while (state.work.size > 0) await Promise.all([...state.work]);
      return true as const;
    })();
    return await Promise.race([drained, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ShutdownOptions {
  /** How long writes in flight may take before the process exits anyway. */
  timeoutMs: number;
  /**
   * Exit once drained. True when NEXT_MANUAL_SIG_HANDLE is set (the image sets it): Next then
   * leaves the signals to Grantdesk. Otherwise Next's own handler closes the server, waits for
   * open requests (the writes among them stop after their chunk) and exits.
   */
  exitWhenDone: boolean;
  /** Closes what must be closed before exiting (the embedded database flushes to disk). */
  close?: () => Promise<void>;
}

/** Installs the SIGTERM / SIGINT handler, once per process. */
export function installShutdownHandler(options: ShutdownOptions): void {
  if (state.handlerInstalled) return;
  state.handlerInstalled = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.shuttingDown) return;
    beginShutdown();
    console.log(`[shutdown] ${signal}: taking no new writes; ${state.work.size} in flight, waiting up to ${Math.round(options.timeoutMs / 1000)} s`);
    void drainWork(options.timeoutMs).then(async (drained) => {
      console.log(drained ? "[shutdown] writes in flight finished and recorded" : "[shutdown] writes still in flight after the timeout; their outcomes stay unrecorded (the trail shows them as unknown)");
      if (!options.exitWhenDone) return;
      // Lets the answers of the requests that just finished reach their callers.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await options.close?.().catch(() => undefined);
      process.exit(0);
    });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
