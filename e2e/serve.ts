// The server Playwright starts: fake-github plus a fresh production build of the dashboard made
// with known fake secrets, its log kept for the secret-leak spec. Stops on SIGTERM/SIGINT.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startStack } from "../scripts/stack";
import { APP_KEY_FILE, APP_PORT, DIST_DIR, FAKE_PORT, KNOWN_SECRETS, RUN_DIR, SERVER_LOG } from "./e2e-env";

async function main() {
  rmSync(RUN_DIR, { recursive: true, force: true });
  mkdirSync(RUN_DIR, { recursive: true });
  const stack = await startStack({
    appPort: APP_PORT,
    fakePort: FAKE_PORT,
    distDir: DIST_DIR,
    build: process.env.E2E_SKIP_BUILD ? "if-missing" : "always",
    // The standalone server too (the image's), for the specs that start their own (e2e/extra-stack.ts).
    standaloneOutput: true,
    logFile: SERVER_LOG,
    authSecret: KNOWN_SECRETS.authSecret,
    fake: { seed: 1, requests: 300, tokens: 1200, applyDelayMs: 300, clientSecret: KNOWN_SECRETS.clientSecret, webhookSecret: KNOWN_SECRETS.webhookSecret },
    // A fresh audit trail each run, apart from the demo's ./data.
    // Requests are synced every 10 s (not every minute) so a spec sees a new one arrive in good time;
    // the notifier looks every 2 s (not 30) for the same reason.
    extraEnv: { DATA_DIR: path.join(RUN_DIR, "data"), INVENTORY_REQUESTS_INTERVAL_SECONDS: "10", NOTIFY_INTERVAL_SECONDS: "2" },
  });
  writeFileSync(APP_KEY_FILE, stack.fake.appPrivateKeyPem, { mode: 0o600 });
  console.log(`e2e: dashboard ${stack.appUrl}, fake-github ${stack.fake.url}`);

  const shutdown = () => {
    void stack.stop().finally(() => process.exit(0));
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  console.error(`e2e: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
