// Checks the configuration once at start-up, so a bad variable stops the server with one line
// instead of surfacing later as a failed request; then opens the database and brings its schema
// up to date (lib/db/open-at-startup.ts), says where the GitHub App's credentials come from (or
// how to set one up), starts keeping each org's inventory fresh, this instance's bulk-job worker
// and its notifier, and installs the SIGTERM handler (lib/lifecycle/shutdown.ts): no new chunk
// or notification starts, those in flight finish and are recorded first.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigurationOrExit } = await import("./lib/env/check-at-startup");
    const config = checkConfigurationOrExit();
    const { openDatabaseAtStartup } = await import("./lib/db/open-at-startup");
    await openDatabaseAtStartup();
    const { announceAppCredentialsAtStartup } = await import("./lib/setup/announce-at-startup");
    await announceAppCredentialsAtStartup();
    const { startInventoryScheduler } = await import("./lib/inventory/sync-scheduler");
    startInventoryScheduler();
    const { startJobWorker } = await import("./lib/jobs/job-worker");
    startJobWorker();
    const { startNotifier } = await import("./lib/notifications/notifier");
    startNotifier();
    const { installShutdownHandler } = await import("./lib/lifecycle/shutdown");
    const { closeDatabase } = await import("./lib/db/database");
    installShutdownHandler({ timeoutMs: config.shutdownTimeoutMs, exitWhenDone: Boolean(process.env.NEXT_MANUAL_SIG_HANDLE), close: closeDatabase });
  }
}
