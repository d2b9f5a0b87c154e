// Checks the configuration once at start-up, so a bad variable stops the server with one line
// instead of surfacing later as a failed request; then opens the database and brings its schema
// up to date (lib/db/open-at-startup.ts), starts keeping each org's inventory fresh, and starts
// this instance's bulk-job worker and its notifier.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigurationOrExit } = await import("./lib/env/check-at-startup");
    checkConfigurationOrExit();
    const { openDatabaseAtStartup } = await import("./lib/db/open-at-startup");
    await openDatabaseAtStartup();
    const { startInventoryScheduler } = await import("./lib/inventory/sync-scheduler");
    startInventoryScheduler();
    const { startJobWorker, stopJobWorker } = await import("./lib/jobs/job-worker");
    startJobWorker();
    const { startNotifier } = await import("./lib/notifications/notifier");
    startNotifier();
    // On SIGTERM no new chunk starts; the chunks in flight finish and are recorded first.
    process.once("SIGTERM", () => {
      void stopJobWorker().finally(() => process.exit(0));
    });
  }
}
