// Checks the configuration once at start-up, so a bad variable stops the server with one line
// instead of surfacing later as a failed request; then opens the database and brings its schema
// up to date (lib/db/open-at-startup.ts), and starts keeping each org's inventory fresh.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigurationOrExit } = await import("./lib/env/check-at-startup");
    checkConfigurationOrExit();
    const { openDatabaseAtStartup } = await import("./lib/db/open-at-startup");
    await openDatabaseAtStartup();
    const { startInventoryScheduler } = await import("./lib/inventory/sync-scheduler");
    startInventoryScheduler();
  }
}
