// Checks the configuration once at start-up, so a bad variable stops the server with one line
// instead of surfacing later as a failed request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigurationOrExit } = await import("./lib/env/check-at-startup");
    checkConfigurationOrExit();
  }
}
