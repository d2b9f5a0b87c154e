import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { APP_URL, OWNER_STATE } from "./e2e/e2e-env";

// On CI machines and this project's dev boxes Playwright drives Debian's Chromium (no browser
// downloads are possible there); on a laptop with `npx playwright install` it uses its own.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const launchOptions = chromiumPath
  ? {
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
    }
  : {};

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/playwright",
  fullyParallel: false,
  // One fake-github and one dashboard serve the whole run, and specs change their state.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: APP_URL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      testIgnore: /secret-leak\.spec\.ts/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], storageState: OWNER_STATE },
    },
    // Runs after everything else so the dashboard's log holds the whole run.
    { name: "leak-check", testMatch: /secret-leak\.spec\.ts/, dependencies: ["chromium"] },
  ],
  webServer: {
    command: "npx tsx e2e/serve.ts",
    url: `${APP_URL}/signin`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
